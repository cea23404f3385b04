// Words shown for the platform's codes: document types and languages.

const TYPE_LABELS = {
  proposal: 'Proposal', contract: 'Contract', invoice: 'Invoice', report: 'Report', presentation: 'Presentation',
  technical_doc: 'Technical document', image: 'Image', other: 'Other',
};

/** "technical_doc" -> "Technical document"; an unknown type is shown with spaces. */
export function typeLabel(value) {
  return TYPE_LABELS[value] || String(value || 'other').replace(/_/g, ' ');
}

let languageNames = null;
try {
  languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
} catch {
  languageNames = null;
}

/** "en" -> "English (en)"; '' for none; the code itself when the browser has no name for it. */
export function languageLabel(code) {
  if (!code) return '';
  try {
    const name = languageNames?.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
