package cl.seguimientooc.mail.auth;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.net.MalformedURLException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;
import org.apache.camel.component.mail.microsoft.authenticator.MicrosoftExchangeOnlineOAuth2MailAuthenticator;

/**
 * Microsoft 365 (Exchange Online) XOAUTH2 with client credentials, through Camel's
 * camel-mail-microsoft-oauth authenticator and MSAL, which caches the token and renews it before it
 * expires. The application must be granted IMAP.AccessAsApp / SMTP.SendAsApp and the mailbox
 * permission in Exchange (docs/DEPLOY.md).
 */
public final class MicrosoftTokens implements TokenSource {

    public static final String AUTHORITY = "https://login.microsoftonline.com/";
    static final String SCOPE = "https://outlook.office365.com/.default";

    private final MicrosoftExchangeOnlineOAuth2MailAuthenticator authenticator;
    private final String authority;

    public MicrosoftTokens(String user, String tenant, String clientId, String clientSecret, String authorityUrl, SSLContext tls) {
        boolean custom = !authorityUrl.isEmpty();
        this.authority = custom ? (authorityUrl.endsWith("/") ? authorityUrl : authorityUrl + "/") : AUTHORITY + tenant + "/";
        try {
            ConfidentialClientApplication.Builder b = ConfidentialClientApplication
                    .builder(clientId, ClientCredentialFactory.createFromSecret(clientSecret))
                    .authority(authority).connectTimeoutForDefaultHttpClient(10_000).readTimeoutForDefaultHttpClient(15_000);
            if (custom) { // a sovereign cloud or a local endpoint: MSAL cannot look it up in its public list
                b.validateAuthority(false).instanceDiscovery(false);
            }
            if (tls != null) {
                b.sslSocketFactory(tls.getSocketFactory());
            }
            this.authenticator = new MicrosoftExchangeOnlineOAuth2MailAuthenticator(user, b.build(),
                    ClientCredentialParameters.builder(Set.of(SCOPE)).build());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("OAUTH_TOKEN_URL=" + authorityUrl + ": no es una dirección válida", e);
        }
    }

    @Override
    public String accessToken() {
        try {
            return authenticator.getPasswordAuthentication().getPassword();
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof MsalServiceException m) {
                throw new MailLoginException("Microsoft Entra ID rechazó la solicitud de token (" + m.errorCode() + "): "
                        + firstLine(m.getMessage()) + ". Revise OAUTH_TENANT_ID, OAUTH_CLIENT_ID y OAUTH_CLIENT_SECRET"
                        + " (un secreto vencido se renueva en el portal de Azure)", m);
            }
            throw new MailLoginException("no se pudo obtener un token de Microsoft en " + authority + ": "
                    + firstLine(String.valueOf(cause.getMessage())) + " (revise la red, el proxy y MAIL_TRUSTSTORE)", cause);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
