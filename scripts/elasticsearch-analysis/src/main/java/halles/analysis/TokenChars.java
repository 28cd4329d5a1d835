package halles.analysis;

import org.elasticsearch.common.settings.Settings;

import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/** The `token_chars` / `custom_token_chars` settings of the ngram and edge_ngram tokenizers. */
final class TokenChars {

    private TokenChars() {}

    /** The characters a token is made of, or null to keep the tokenizer's default (all). */
    static IntPredicate parse(Settings settings) {
        List<String> kinds = settings.getAsList("token_chars");
        if (kinds.isEmpty()) {
            return null;
        }
        String custom = settings.get("custom_token_chars", "");
        IntPredicate accepted = c -> false;
        for (String kind : kinds) {
            accepted = accepted.or(kind(kind.toLowerCase(Locale.ROOT), custom));
        }
        return accepted;
    }

    private static IntPredicate kind(String kind, String custom) {
        switch (kind) {
            case "letter": return Character::isLetter;
            case "digit": return Character::isDigit;
            case "whitespace": return Character::isWhitespace;
            case "punctuation": return TokenChars::isPunctuation;
            case "symbol": return TokenChars::isSymbol;
            case "custom": return c -> custom.indexOf(c) >= 0;
            default: throw new IllegalArgumentException("Unknown token type: '" + kind + "'");
        }
    }

    private static boolean isPunctuation(int c) {
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
            || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
            || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
            || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isSymbol(int c) {
        int type = Character.getType(c);
        return type == Character.MATH_SYMBOL || type == Character.CURRENCY_SYMBOL
            || type == Character.MODIFIER_SYMBOL || type == Character.OTHER_SYMBOL;
    }
}
