package cl.seguimientooc.config;

/**
 * Every setting of the service. The environment variable name is the earlier system's; the
 * property name in {@code application.properties} is the same in lower case with dots
 * ({@code IMAP_HOST} = {@code imap.host}). Defaults live in {@code application.properties}.
 */
public enum Setting {
    IMAP_HOST(Kind.TEXT, "Servidor IMAP del buzón de confirmaciones (vacío = buzón no configurado)"),
    IMAP_PORT(Kind.PORT, "Puerto IMAP (993 con SSL, 143 sin SSL)"),
    IMAP_USERNAME(Kind.TEXT, "Usuario IMAP del buzón de confirmaciones"),
    IMAP_PASSWORD(Kind.SECRET, "Contraseña IMAP (o contraseña de aplicación)"),
    IMAP_MAILBOX(Kind.TEXT, "Carpeta a leer"),
    IMAP_USE_SSL(Kind.BOOLEAN, "IMAPS (true) o IMAP sin cifrar (false)"),
    IMAP_CHECK_INTERVAL(Kind.POSITIVE_INT, "Segundos entre lecturas del buzón de confirmaciones"),
    SMTP_HOST(Kind.TEXT, "Servidor SMTP para enviar las solicitudes (vacío = envío no configurado)"),
    SMTP_PORT(Kind.PORT, "Puerto SMTP (587 STARTTLS, 465 SSL, 25 sin cifrar)"),
    SMTP_USERNAME(Kind.TEXT, "Usuario SMTP"),
    SMTP_PASSWORD(Kind.SECRET, "Contraseña SMTP"),
    SMTP_FROM_EMAIL(Kind.EMAIL, "Dirección remitente de los correos"),
    SMTP_FROM_NAME(Kind.TEXT, "Nombre remitente de los correos"),
    SMTP_USE_TLS(Kind.BOOLEAN, "STARTTLS en el puerto SMTP (true/false); el puerto 465 usa SSL directo"),
    OC_INBOX_HOST(Kind.TEXT, "Servidor IMAP del buzón de OC (vacío = el mismo buzón de confirmaciones)"),
    OC_INBOX_PORT(Kind.PORT, "Puerto IMAP del buzón de OC"),
    OC_INBOX_USERNAME(Kind.TEXT, "Usuario del buzón de OC (también es la dirección a la que los clientes envían la OC)"),
    OC_INBOX_PASSWORD(Kind.SECRET, "Contraseña del buzón de OC"),
    OC_INBOX_MAILBOX(Kind.TEXT, "Carpeta del buzón de OC"),
    OC_INBOX_USE_SSL(Kind.BOOLEAN, "IMAPS para el buzón de OC"),
    OC_CHECK_INTERVAL(Kind.POSITIVE_INT, "Segundos entre lecturas del buzón de OC"),
    MAIL_POST_ACTION(Kind.POST_ACTION, "Qué hacer en el servidor con una confirmación ya guardada: marcar_leido, mover, destacar o ninguna"),
    MAIL_MOVE_FOLDER(Kind.TEXT, "Carpeta de destino cuando MAIL_POST_ACTION=mover (se crea si no existe)"),
    MAIL_LOOKBACK_DAYS(Kind.POSITIVE_INT, "Días hacia atrás que se revisan en cada lectura, leídos o no (los ya procesados se saltan)"),
    MAIL_MAX_PER_POLL(Kind.POSITIVE_INT, "Máximo de mensajes nuevos procesados por lectura de un buzón"),
    DATABASE_URL(Kind.DATABASE_URL, "PostgreSQL: postgresql://usuario:clave@servidor:5432/base o jdbc:postgresql://… (vacío = PostgreSQL embebido en ./data/postgres)"),
    AGENCIES_REQUIRING_OC(Kind.LIST, "Agencias que requieren OC cuando la tabla de clientes no las conoce (separadas por coma)"),
    ALLOWED_CONFIRMATION_SENDERS(Kind.SENDER_LIST, "Remitentes aceptados para confirmaciones: direcciones o @dominio, separados por coma"),
    EMAIL_CC_RECIPIENTS(Kind.EMAIL_LIST, "Copia (CC) de todos los correos de la escalera; también reciben los avisos de suspensión"),
    DAYS_FOR_REMINDER_1(Kind.POSITIVE_INT, "Días hábiles desde la solicitud hasta el recordatorio"),
    DAYS_FOR_REMINDER_2(Kind.POSITIVE_INT, "Días hábiles desde la solicitud hasta el ultimátum (mayor que DAYS_FOR_REMINDER_1)"),
    SCHEDULER_CHECKS_PER_DAY(Kind.OPTIONAL_POSITIVE_INT, "Revisiones de la escalera por día (vacío = cada 15 minutos dentro del horario de envío)"),
    WEB_HOST(Kind.TEXT, "Interfaz donde escucha el servidor web (127.0.0.1 = solo este equipo; 0.0.0.0 = todas, exige ADMIN_PASSWORD)"),
    WEB_PORT(Kind.PORT, "Puerto del panel, la API y /observe"),
    WEB_MAX_BODY_BYTES(Kind.POSITIVE_INT, "Tamaño máximo del cuerpo de una solicitud HTTP, en bytes (más grande: 413)"),
    ADMIN_USERNAME(Kind.TEXT, "Usuario administrador del panel y la API"),
    ADMIN_PASSWORD(Kind.SECRET, "Contraseña del administrador (obligatoria salvo que WEB_HOST sea la interfaz local)"),
    LOG_LEVEL(Kind.LOG_LEVEL, "Nivel de log: TRACE, DEBUG, INFO, WARN o ERROR");

    /** How a value is checked. */
    public enum Kind { TEXT, SECRET, PORT, BOOLEAN, POSITIVE_INT, OPTIONAL_POSITIVE_INT, EMAIL, LIST, EMAIL_LIST, SENDER_LIST, DATABASE_URL, LOG_LEVEL, POST_ACTION }

    private final Kind kind;
    private final String description;

    Setting(Kind kind, String description) {
        this.kind = kind;
        this.description = description;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public String envName() {
        return name();
    }

    public String property() {
        return Settings.propertyName(name());
    }


    /** The value as it may be shown in a log: secrets masked. */
    public String display(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (kind == Kind.SECRET) {
            return "****";
        }
        return this == DATABASE_URL ? DatabaseUrl.mask(value) : value;
    }

}
