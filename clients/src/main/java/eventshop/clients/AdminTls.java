package eventshop.clients;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * HTTPS to the local Payara domain's admin port (secure admin): its certificate is self-signed and names the
 * machine, not 127.0.0.1, so a client on this machine trusts it as it is. For the loopback admin port of a
 * domain the project created itself, never for anything else. The chaos audit and the integration suite's
 * security tests both call the admin REST API this way.
 */
public final class AdminTls {

    private static final SSLSocketFactory TRUSTING = trustingEveryCertificate();

    private AdminTls() {
    }

    /** Lets the connection accept the domain's self-signed certificate under any host name. */
    public static void trustSelfSigned(HttpsURLConnection connection) {
        connection.setSSLSocketFactory(TRUSTING);
        connection.setHostnameVerifier((host, session) -> true);
    }

    private static SSLSocketFactory trustingEveryCertificate() {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No TLS context for the admin port", e);
        }
    }
}
