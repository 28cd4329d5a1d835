package halles.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;

/**
 * Elasticsearch's `lowercase` tokenizer: runs of letters, lower-cased. Lucene 9 dropped its own
 * LowerCaseTokenizer, so analysis-common carries one; this is ours.
 */
final class LowerCaseTokenizer extends Tokenizer {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
    private String text;
    private int position;

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (text == null) {
            text = readAll();
        }
        while (position < text.length() && !Character.isLetter(text.codePointAt(position))) {
            position += Character.charCount(text.codePointAt(position));
        }
        if (position >= text.length()) {
            return false;
        }
        int start = position;
        while (position < text.length() && Character.isLetter(text.codePointAt(position))) {
            int codePoint = text.codePointAt(position);
            term.append(new String(Character.toChars(Character.toLowerCase(codePoint))));
            position += Character.charCount(codePoint);
        }
        offsets.setOffset(correctOffset(start), correctOffset(position));
        return true;
    }

    private String readAll() throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buffer = new char[4096];
        for (int read; (read = input.read(buffer)) != -1; ) {
            all.append(buffer, 0, read);
        }
        return all.toString();
    }

    @Override
    public void end() throws IOException {
        super.end();
        int end = correctOffset(text == null ? 0 : text.length());
        offsets.setOffset(end, end);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        text = null;
        position = 0;
    }
}
