package cl.seguimientooc.config;

/** Configuration that cannot work, naming the setting to fix. Startup stops on it. */
public class ConfigException extends RuntimeException {

    private final String key;

    public ConfigException(String message, String key) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
