package dev.spoke.network;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Reads a URL spoke is to send to: http or https only (never {@code file:}, {@code gopher:}, ...), with a host, and
 * without credentials in it ({@code user:password@}, which would sit in plain text in spoke.yml and which spoke never
 * sends). One reading for every place a URL comes from (a destination's URL options, alert webhooks, the
 * Pushgateway flag), at validate and at run time alike, so both refuse the same URLs. Messages never repeat a value
 * that came from env_var() or the credentials of a URL.
 */
public final class OutboundUrls {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(?![0-9])");
    private static final Pattern USER_INFO = Pattern.compile("//[^/?#]*@");
    private static final String EXAMPLE = "https://hooks.example.com/spoke";

    private OutboundUrls() {
    }

    /**
     * @param text the URL as written (or rendered from env_var())
     * @param secret whether it came from env_var(): the message then names no part of it
     * @return the URL, as OkHttp will request it
     * @throws IllegalArgumentException saying what is wrong, without the option's name (the caller adds it)
     */
    public static HttpUrl parse(String text, boolean secret) {
        String stripped = text.strip();
        String shown = secret ? "(from env_var)" : "'" + USER_INFO.matcher(stripped).replaceFirst("//***@") + "'";
        HttpUrl url = HttpUrl.parse(stripped);
        if (url == null) {
            Optional<String> scheme = scheme(stripped);
            if (scheme.isPresent() && !scheme.get().equals("http") && !scheme.get().equals("https")) {
                throw new IllegalArgumentException(shown + " has scheme " + scheme.get() + ": spoke sends over http"
                        + " and https only; write the receiver's http(s) address, e.g. " + EXAMPLE);
            }
            throw new IllegalArgumentException(shown + " is not an http or https URL; write it in full, e.g. "
                    + EXAMPLE);
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw new IllegalArgumentException("has credentials in it (user:password@ before host "
                    + url.host() + "), which spoke never sends and which would sit in plain text; remove them from the"
                    + " URL");
        }
        return url;
    }

    private static Optional<String> scheme(String text) {
        Matcher matcher = SCHEME.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
