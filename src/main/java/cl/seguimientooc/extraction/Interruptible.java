package cl.seguimientooc.extraction;

/**
 * Text for layout regexes that gives up when its thread is interrupted. A template's regex can
 * backtrack for hours on hostile text; java.util.regex never checks for interruption, but it reads
 * every character through {@link #charAt}, so the timeout's interrupt stops the match here and the
 * abandoned worker thread ends instead of burning a core.
 */
final class Interruptible implements CharSequence {

    /** Thrown into the regex engine; PdfTextReader reports the timeout. */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("lectura del PDF interrumpida por tiempo", null, false, false);
        }
    }

    private final String text;
    private int reads;

    private Interruptible(String text) {
        this.text = text;
    }

    static CharSequence of(String text) {
        return new Interruptible(text);
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0x3FFF) == 0 && Thread.currentThread().isInterrupted()) {
            throw new Interrupted();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
