package cl.seguimientooc.mail;

import java.util.Locale;

/** The name a mailbox has in processed-mail records: {@code user@host/folder}. */
public final class MailboxIds {

    private MailboxIds() {
    }

    public static String of(String username, String host, String folder) {
        return (username == null ? "" : username.toLowerCase(Locale.ROOT)) + "@"
                + (host == null ? "" : host.toLowerCase(Locale.ROOT)) + "/" + (folder == null ? "INBOX" : folder);
    }

    /** Dedup keys travel through Camel as "mailbox key"; a Message-ID never contains a space. */
    public static String compose(String mailbox, String key) {
        return mailbox + " " + key;
    }

    public static String[] split(String composed) {
        int cut = composed.lastIndexOf(' ');
        return new String[] {composed.substring(0, cut), composed.substring(cut + 1)};
    }
}
