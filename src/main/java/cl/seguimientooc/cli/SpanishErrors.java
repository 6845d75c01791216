package cl.seguimientooc.cli;

import picocli.CommandLine;

/** picocli's usage errors, in Spanish. */
final class SpanishErrors {

    private SpanishErrors() {
    }

    static String of(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            return "argumento desconocido: " + String.join(" ", u.getUnmatched());
        }
        if (ex instanceof CommandLine.MissingParameterException m) {
            return "falta " + String.join(", ", m.getMissing().stream().map(a -> a.paramLabel()).toList());
        }
        if (ex instanceof CommandLine.MutuallyExclusiveArgsException) {
            return "use solo una de las opciones alternativas";
        }
        if (ex.getCause() instanceof CommandLine.TypeConversionException || ex.getMessage().startsWith("Invalid value")) {
            return "valor no válido (" + ex.getMessage() + ")";
        }
        return ex.getMessage();
    }
}
