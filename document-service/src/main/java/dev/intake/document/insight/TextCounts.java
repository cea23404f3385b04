package dev.intake.document.insight;

/**
 * Plain counts over a text.
 *
 * @param words whitespace-separated tokens that hold at least one letter or digit ("--" is no word)
 * @param characters Unicode code points
 * @param lines lines, the last one counted even without a line break; 0 for empty text
 * @param letters letters in the text, for the average word length
 * @param letterRuns maximal runs of letters
 */
record TextCounts(int words, int characters, int lines, long letters, int letterRuns) {

    static TextCounts of(String text) {
        int words = 0;
        int lines = 0;
        long letters = 0;
        int letterRuns = 0;
        boolean inToken = false;
        boolean tokenHasWordChar = false;
        boolean previousWasLetter = false;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n'))) {
                lines++;
            }
            boolean letter = Character.isLetter(c);
            if (letter) {
                letters++;
                if (!previousWasLetter) {
                    letterRuns++;
                }
            }
            previousWasLetter = letter;
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (inToken && tokenHasWordChar) {
                    words++;
                }
                inToken = false;
                tokenHasWordChar = false;
            } else {
                inToken = true;
                tokenHasWordChar |= letter || Character.isDigit(c);
            }
        }
        if (inToken && tokenHasWordChar) {
            words++;
        }
        if (length > 0 && text.charAt(length - 1) != '\n' && text.charAt(length - 1) != '\r') {
            lines++;
        }
        return new TextCounts(words, text.codePointCount(0, length), lines, letters, letterRuns);
    }
}
