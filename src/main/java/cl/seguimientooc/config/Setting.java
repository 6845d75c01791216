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
    IMAP_AUTH(Kind.MAIL_AUTH, "Cómo se ingresa al buzón de confirmaciones: clave (usuario y contraseña), microsoft365 (OAuth2 con credenciales de cliente) o google (OAuth2 con token de actualización)"),
    IMAP_OAUTH_REFRESH_TOKEN(Kind.SECRET, "google: token de actualización de la cuenta del buzón de confirmaciones (si Google entrega uno nuevo, se guarda en la base de datos)"),
    IMAP_MAILBOX(Kind.TEXT, "Carpeta a leer"),
    IMAP_USE_SSL(Kind.BOOLEAN, "IMAPS (true) o IMAP sin cifrar (false)"),
    IMAP_CHECK_INTERVAL(Kind.POSITIVE_INT, "Segundos entre lecturas del buzón de confirmaciones"),
    SMTP_HOST(Kind.TEXT, "Servidor SMTP para enviar las solicitudes (vacío = envío no configurado)"),
    SMTP_PORT(Kind.PORT, "Puerto SMTP (587 STARTTLS, 465 SSL, 25 sin cifrar)"),
    SMTP_USERNAME(Kind.TEXT, "Usuario SMTP"),
    SMTP_PASSWORD(Kind.SECRET, "Contraseña SMTP"),
    SMTP_AUTH(Kind.OPTIONAL_MAIL_AUTH, "Cómo se ingresa al servidor SMTP: clave, microsoft365 o google (vacío = clave)"),
    SMTP_OAUTH_REFRESH_TOKEN(Kind.SECRET, "google: token de actualización de la cuenta SMTP (vacío = IMAP_OAUTH_REFRESH_TOKEN)"),
    SMTP_FROM_EMAIL(Kind.EMAIL, "Dirección remitente de los correos"),
    SMTP_FROM_NAME(Kind.TEXT, "Nombre remitente de los correos"),
    SMTP_USE_TLS(Kind.BOOLEAN, "STARTTLS en el puerto SMTP (true/false); el puerto 465 usa SSL directo"),
    OC_INBOX_HOST(Kind.TEXT, "Servidor IMAP del buzón de OC (vacío = el mismo buzón de confirmaciones)"),
    OC_INBOX_PORT(Kind.PORT, "Puerto IMAP del buzón de OC"),
    OC_INBOX_USERNAME(Kind.TEXT, "Usuario del buzón de OC (también es la dirección a la que los clientes envían la OC)"),
    OC_INBOX_PASSWORD(Kind.SECRET, "Contraseña del buzón de OC"),
    OC_INBOX_AUTH(Kind.OPTIONAL_MAIL_AUTH, "Cómo se ingresa al buzón de OC: clave, microsoft365 o google (vacío = IMAP_AUTH)"),
    OC_INBOX_OAUTH_REFRESH_TOKEN(Kind.SECRET, "google: token de actualización de la cuenta del buzón de OC (vacío = IMAP_OAUTH_REFRESH_TOKEN)"),
    OC_INBOX_MAILBOX(Kind.TEXT, "Carpeta del buzón de OC"),
    OC_INBOX_USE_SSL(Kind.BOOLEAN, "IMAPS para el buzón de OC"),
    OC_CHECK_INTERVAL(Kind.POSITIVE_INT, "Segundos entre lecturas del buzón de OC"),
    MAIL_POST_ACTION(Kind.POST_ACTION, "Qué hacer en el servidor con una confirmación u OC ya guardada: marcar_leido, mover, destacar o ninguna (para los buzones sin la suya)"),
    MAIL_MOVE_FOLDER(Kind.TEXT, "Carpeta de destino cuando la acción es mover (se crea si no existe)"),
    IMAP_POST_ACTION(Kind.OPTIONAL_POST_ACTION, "Acción posterior del buzón de confirmaciones (vacío = MAIL_POST_ACTION)"),
    IMAP_MOVE_FOLDER(Kind.TEXT, "Carpeta de destino del buzón de confirmaciones si su acción es mover (vacío = MAIL_MOVE_FOLDER)"),
    OC_INBOX_POST_ACTION(Kind.OPTIONAL_POST_ACTION, "Acción posterior del buzón de OC (vacío = MAIL_POST_ACTION)"),
    OC_INBOX_MOVE_FOLDER(Kind.TEXT, "Carpeta de destino del buzón de OC si su acción es mover (vacío = MAIL_MOVE_FOLDER)"),
    OAUTH_TENANT_ID(Kind.TEXT, "microsoft365: ID del inquilino (tenant) de Microsoft Entra ID donde se registró la aplicación"),
    OAUTH_CLIENT_ID(Kind.TEXT, "microsoft365 y google: ID de cliente (aplicación) OAuth2"),
    OAUTH_CLIENT_SECRET(Kind.SECRET, "microsoft365 y google: secreto de cliente OAuth2"),
    OAUTH_TOKEN_URL(Kind.HTTPS_URL, "Emisor de tokens (vacío = el del proveedor: https://login.microsoftonline.com/{tenant}/ o https://oauth2.googleapis.com/token); solo https"),
    MAIL_TRUSTSTORE(Kind.TRUSTSTORE, "Almacén de certificados de confianza (PKCS12 o JKS) para IMAP, SMTP y el emisor de tokens (vacío = los del sistema)"),
    MAIL_TRUSTSTORE_PASSWORD(Kind.SECRET, "Contraseña de MAIL_TRUSTSTORE"),
    MAIL_LOOKBACK_DAYS(Kind.POSITIVE_INT, "Días hacia atrás que se revisan en cada lectura, leídos o no (los ya procesados se saltan)"),
    MAIL_MAX_PER_POLL(Kind.POSITIVE_INT, "Máximo de mensajes nuevos procesados por lectura de un buzón"),
    DATABASE_POOL_SIZE(Kind.POSITIVE_INT, "Conexiones a PostgreSQL de cada réplica (réplicas × este número < max_connections del servidor;"
            + " la suma de todas las réplicas, cerca de 2 a 3 × los núcleos de la base de datos)"),
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
    ADMIN_USERNAME(Kind.TEXT, "Primer administrador: se crea al arrancar si no hay ningún administrador activo"),
    ADMIN_PASSWORD(Kind.SECRET, "Contraseña de ese primer administrador (obligatoria salvo que WEB_HOST sea la interfaz local); luego se cambia en el panel"),
    WEB_SESSION_IDLE_MINUTES(Kind.POSITIVE_INT, "Minutos sin actividad tras los cuales una sesión del panel se cierra"),
    WEB_LOGIN_MAX_FAILURES(Kind.POSITIVE_INT, "Intentos fallidos de ingreso por usuario antes de bloquearlo por WEB_LOGIN_LOCK_MINUTES (por dirección IP: 4 veces más)"),
    WEB_LOGIN_LOCK_MINUTES(Kind.POSITIVE_INT, "Minutos de bloqueo tras demasiados intentos fallidos de ingreso"),
    LOG_LEVEL(Kind.LOG_LEVEL, "Nivel de log: TRACE, DEBUG, INFO, WARN o ERROR"),
    MAIL_CLAIM_STALE_SECONDS(Kind.POSITIVE_INT, "Segundos sin latido tras los cuales otra instancia retoma un mensaje reclamado por una instancia caída"),
    OC_MATCH_THRESHOLD(Kind.FRACTION, "Confianza mínima para asignar una OC sola (0 a 1, con punto: 0.6); bajo ella va a OC sin asignar"),
    OC_FILES_DIR(Kind.PATH, "Carpeta donde se guardan los archivos de OC (relativa al directorio de trabajo)"),
    OC_MAX_FILE_BYTES(Kind.POSITIVE_INT, "Tamaño máximo de un archivo de OC que se guarda, en bytes"),
    OC_MAX_FILES(Kind.POSITIVE_INT, "Máximo de archivos guardados por OC"),
    OC_ACKNOWLEDGE(Kind.BOOLEAN, "Enviar acuse de recibo (templates/acuse_oc.*) al contacto del cliente que envió la OC"),
    OC_ACCEPT_WITHOUT_ATTACHMENT(Kind.BOOLEAN, "Aceptar un número de OC escrito en el correo sin documento adjunto"),
    OC_TRUSTED_SENDERS(Kind.SENDER_LIST, "Remitentes cuya OC se aplica a cualquier cliente, además de los contactos de cada cliente: direcciones o @dominio"),
    DATA_DIR(Kind.PATH, "Carpeta de datos del PostgreSQL embebido"),
    LAYOUTS_DIR(Kind.DIRECTORY, "Plantillas de diseño de PDF (YAML); si la carpeta por omisión no existe se usan las incluidas"),
    TEMPLATES_DIR(Kind.DIRECTORY, "Plantillas de correo (FreeMarker); si la carpeta por omisión no existe se usan las incluidas"),
    LADDER_FILE(Kind.PATH, "Niveles de la escalera (YAML): días, plantilla, destinatarios y acción de cada nivel; si el archivo no existe se usa el incluido"),
    LADDER_SMTP_REDELIVERY_DELAY_MS(Kind.POSITIVE_INT, "Milisegundos antes del primer reintento inmediato de un envío SMTP fallido (luego se duplica; cuántos reintentos: routes/ladder.camel.yaml)"),
    DAILY_SUMMARY_ENABLED(Kind.BOOLEAN, "Enviar el resumen diario a los administradores los días hábiles (true/false)"),
    DAILY_SUMMARY_TIME(Kind.TIME, "Hora del resumen diario (HH:MM, hora de Santiago); si el servicio estaba detenido, sale al volver, ese mismo día"),
    DAILY_SUMMARY_RECIPIENTS(Kind.EMAIL_LIST, "Destinatarios del resumen diario (vacío = EMAIL_CC_RECIPIENTS)"),
    LADDER_WINDOW_OPEN(Kind.TIME, "Inicio del horario de envío de la escalera (HH:MM, hora de Santiago)"),
    LADDER_WINDOW_CLOSE(Kind.TIME, "Fin del horario de envío (HH:MM); la suspensión ocurre a esta hora"),
    LADDER_REQUEST_IMMEDIATELY(Kind.BOOLEAN, "Enviar la solicitud inicial apenas llega la confirmación, sin esperar el horario"),
    LADDER_RETRY_BASE_SECONDS(Kind.POSITIVE_INT, "Primer reintento de un envío fallido, en segundos (luego se duplica)"),
    LADDER_RETRY_MAX_SECONDS(Kind.POSITIVE_INT, "Máximo de segundos entre reintentos de envío"),
    LADDER_RETRY_MAX_ATTEMPTS(Kind.POSITIVE_INT, "Intentos de envío antes de avisar a un administrador"),
    LADDER_FIRST_RUN_DELAY_MS(Kind.NON_NEGATIVE_INT, "Milisegundos desde el arranque hasta la primera revisión de la escalera"),
    TIMER_CHECK_SECONDS(Kind.POSITIVE_INT, "Cada cuántos segundos cada réplica pregunta si le toca correr la escalera o el resumen diario (una sola réplica lo corre)"),
    LADDER_SMTP_SSL(Kind.SMTP_SSL, "SMTP con SSL desde el primer byte: auto (en el puerto 465), true o false"),
    LADDER_SMTP_SSL_TRUST(Kind.TEXT, "Servidores SMTP cuyo certificado se acepta sin la CA de Java (separados por espacio); vacío = ninguno"),
    LADDER_SMTP_SSL_CHECK_IDENTITY(Kind.BOOLEAN, "Verificar que el certificado SMTP nombre al servidor"),
    OC_TEST_CLOCK(Kind.BOOLEAN, "Reloj de prueba (/api/test/clock); nunca en producción"),
    OC_TEST_CLOCK_AT(Kind.INSTANT, "Fija el reloj de prueba al arrancar (ISO-8601, p. ej. 2026-07-06T14:00:00Z); requiere OC_TEST_CLOCK=true");

    /** How a value is checked. */
    public enum Kind {
        TEXT, SECRET, PORT, BOOLEAN, POSITIVE_INT, NON_NEGATIVE_INT, OPTIONAL_POSITIVE_INT, FRACTION, EMAIL, LIST, EMAIL_LIST,
        SENDER_LIST, DATABASE_URL, LOG_LEVEL, POST_ACTION, OPTIONAL_POST_ACTION, PATH, DIRECTORY, TIME, SMTP_SSL, INSTANT,
        MAIL_AUTH, OPTIONAL_MAIL_AUTH, HTTPS_URL, TRUSTSTORE
    }

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
