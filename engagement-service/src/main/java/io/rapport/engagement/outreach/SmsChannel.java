package io.rapport.engagement.outreach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.outreach.SendFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * SMS through a generic HTTP provider: {@code POST rapport.engagement.outreach.sms.url} with the configured auth header
 * and the JSON body {@code {"to", "text", "reference", ...fields}}; a 2xx answer is accepted, its {@code id} or
 * {@code messageId} (else the reference) is the message id. 408, 429 and 5xx are tried again; other answers are final.
 */
@ApplicationScoped
public class SmsChannel implements MessageChannel {
    private final OutreachConfig.Sms config;
    private final ObjectMapper json;
    private final HttpClient http;

    public SmsChannel(OutreachConfig config, ObjectMapper json) {
        this.config = config.sms();
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(this.config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String send(OutgoingMessage m) throws SendException {
        String url = config.url()
                .orElseThrow(() -> new SendException(
                        SendFailure.notConnected("no SMS provider configured (rapport.engagement.outreach.sms.url)")));
        ObjectNode body = json.createObjectNode();
        config.fields().forEach(body::put);
        body.put("to", m.to());
        body.put("text", m.body());
        body.put("reference", m.contactId().toString());
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", m.contactId().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        config.authValue().ifPresent(v -> req.header(config.authHeader(), v));
        HttpResponse<String> r;
        try {
            r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new SendException(SendFailure.notConnected("no connection to the SMS provider"));
        } catch (IOException e) {
            throw new SendException(SendFailure.unknown(
                    "the SMS provider gave no answer: " + e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendException(SendFailure.unknown("interrupted while sending"));
        }
        if (r.statusCode() / 100 != 2) {
            throw new SendException(SendFailure.http(r.statusCode(), "SMS provider answered " + r.statusCode()));
        }
        try {
            JsonNode answer = json.readTree(r.body().isBlank() ? "{}" : r.body());
            String id = answer.path("id").asText(answer.path("messageId").asText(""));
            return id.isBlank() ? m.contactId().toString() : id;
        } catch (IOException e) {
            return m.contactId().toString();
        }
    }
}
