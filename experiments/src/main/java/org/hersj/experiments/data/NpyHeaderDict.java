package org.hersj.experiments.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the header text of a {@code .npy} file as what numpy writes and reads: a Python literal dict
 * with exactly the keys {@code 'descr'} (a string), {@code 'fortran_order'} ({@code True} or
 * {@code False}) and {@code 'shape'} (a tuple of non-negative integers), each once, in braces, followed
 * only by spaces and the newline padding. Anything else is refused naming the file, so a header is never
 * read differently from numpy (e.g. two {@code 'shape'} entries, of which numpy keeps the last).
 *
 * @param descr        the element type code, e.g. {@code <f4}
 * @param fortranOrder whether the array is stored column-major
 * @param shape        the array shape
 */
record NpyHeaderDict(String descr, boolean fortranOrder, long[] shape) {

    private static final List<String> KEYS = List.of("descr", "fortran_order", "shape");

    /** Copies the shape. */
    NpyHeaderDict {
        shape = shape.clone();
    }

    /**
     * @param file the file, for messages
     * @param text the header text after the length field
     * @return the three values
     * @throws DataFormatException naming the file and what is wrong with the header
     */
    static NpyHeaderDict parse(Path file, String text) {
        return new Parser(file, text).dict();
    }

    /** A recursive-descent parser over the header text. */
    private static final class Parser {
        private final Path file;
        private final String text;
        private int at;

        Parser(Path file, String text) {
            this.file = file;
            this.text = text;
        }

        NpyHeaderDict dict() {
            spaces();
            expect('{', "the header must be a Python dict in braces");
            String descr = null;
            Boolean fortran = null;
            long[] shape = null;
            List<String> seen = new ArrayList<>();
            spaces();
            while (peek() != '}') {
                String key = string("a quoted key");
                if (!KEYS.contains(key)) {
                    throw fail("unexpected key '" + key + "'; numpy writes exactly 'descr', 'fortran_order' and 'shape'");
                }
                if (seen.contains(key)) {
                    throw fail("the key '" + key + "' appears twice");
                }
                seen.add(key);
                spaces();
                expect(':', "':' after '" + key + "'");
                spaces();
                switch (key) {
                    case "descr" -> descr = string("a quoted type string such as '<f4' for 'descr'");
                    case "fortran_order" -> fortran = bool();
                    default -> shape = tuple();
                }
                spaces();
                if (peek() == ',') {
                    at++;
                    spaces();
                } else if (peek() != '}') {
                    throw fail("expected ',' or '}' after the value of '" + key + "'");
                }
            }
            at++;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\0') {
                    throw fail("unexpected text after the closing '}'");
                }
            }
            for (String key : KEYS) {
                if (!seen.contains(key)) {
                    throw fail("the key '" + key + "' is missing");
                }
            }
            return new NpyHeaderDict(descr, fortran, shape);
        }

        private String string(String what) {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw fail("expected " + what);
            }
            int end = text.indexOf(quote, at + 1);
            if (end < 0) {
                throw fail("unterminated string");
            }
            String value = text.substring(at + 1, end);
            if (value.indexOf('\\') >= 0) {
                throw fail("escape sequences are not expected in " + what);
            }
            at = end + 1;
            return value;
        }

        private boolean bool() {
            if (text.startsWith("True", at)) {
                at += 4;
                return true;
            }
            if (text.startsWith("False", at)) {
                at += 5;
                return false;
            }
            throw fail("'fortran_order' must be True or False");
        }

        private long[] tuple() {
            expect('(', "'shape' must be a tuple such as (100, 192)");
            List<Long> dims = new ArrayList<>();
            spaces();
            while (peek() != ')') {
                int start = at;
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
                if (start == at) {
                    throw fail("'shape' must hold non-negative integers");
                }
                try {
                    dims.add(Long.parseLong(text.substring(start, at)));
                } catch (NumberFormatException e) {
                    throw fail("a size in 'shape' is too large");
                }
                if (peek() == 'L') {
                    at++; // Python 2 long literal
                }
                spaces();
                if (peek() == ',') {
                    at++;
                    spaces();
                } else if (peek() != ')') {
                    throw fail("expected ',' or ')' in 'shape'");
                }
            }
            at++;
            return dims.stream().mapToLong(Long::longValue).toArray();
        }

        private void spaces() {
            while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                at++;
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw fail("the header ends early");
            }
            return text.charAt(at);
        }

        private void expect(char c, String what) {
            if (peek() != c) {
                throw fail("expected " + what);
            }
            at++;
        }

        private DataFormatException fail(String problem) {
            return new DataFormatException(file, "malformed .npy header: " + problem + " (at character " + at + " of "
                    + text.trim() + ")");
        }
    }
}
