import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A tiny webhook receiver for the quickstart: listens on 127.0.0.1 (a free port), verifies each request's Standard
 * Webhooks signature with the sample's signing secret, prints what arrived, and answers 204. It writes its URL to the
 * file named by the first argument once it listens.
 *
 * <p>Run: {@code java sample-dbt-project/scripts/WebhookReceiver.java <url-file> <whsec_secret>}
 */
public final class WebhookReceiver {
    public static void main(String[] args) throws Exception {
        Path urlFile = Path.of(args[0]);
        byte[] key = Base64.getDecoder().decode(args[1].substring("whsec_".length()));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean valid = verify(key, id, timestamp, body, signature);
            out.println("webhook received: " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                    + " webhook-id=" + id + " signature " + (valid ? "valid" : "INVALID"));
            out.println("  " + new String(body, StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
        Path temp = Files.createTempFile(urlFile.toAbsolutePath().getParent(), "url", ".tmp");
        Files.writeString(temp, "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/at-risk");
        Files.move(temp, urlFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean verify(byte[] key, String id, String timestamp, byte[] body, String header) {
        if (id == null || timestamp == null || header == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body))).getBytes(StandardCharsets.UTF_8);
            for (String candidate : header.split(" ")) {
                if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
            return false;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
