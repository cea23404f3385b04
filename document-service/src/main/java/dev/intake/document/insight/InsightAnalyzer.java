package dev.intake.document.insight;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Derives {@link Insights} from a document's extracted text and its metadata facts. Pure Java,
 * thread-safe, and linear in the length of the text, so hostile input cannot make it hang.
 *
 * <p>Not final: a normal-scoped CDI bean needs a client proxy subclass.
 */
@ApplicationScoped
public class InsightAnalyzer {

    private final LanguageDetector languageDetector;
    private final KeywordExtractor keywordExtractor;
    private final EntityExtractor entityExtractor;
    private final ExtractiveSummarizer summarizer;

    public InsightAnalyzer() {
        this(InsightSettings.DEFAULT);
    }

    public InsightAnalyzer(InsightSettings settings) {
        this.languageDetector = new LanguageDetector();
        this.keywordExtractor = new KeywordExtractor();
        this.entityExtractor = new EntityExtractor(settings);
        this.summarizer = new ExtractiveSummarizer();
    }

    public Insights analyze(String text, DocumentFacts facts) {
        String body = text == null ? "" : text;
        DocumentFacts meta = facts == null ? DocumentFacts.NONE : facts;
        TextCounts counts = TextCounts.of(body);
        String language = languageDetector.detect(body);
        return new Insights(
                meta.pageCount(),
                counts.words(),
                counts.characters(),
                counts.lines(),
                language,
                blankToNull(meta.title()),
                blankToNull(meta.author()),
                meta.created(),
                meta.modified(),
                keywordExtractor.extract(body, language, KeywordExtractor.DEFAULT_LIMIT),
                entityExtractor.extract(body),
                summarizer.summarize(body, language),
                ComplexityScore.of(body, counts));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
