package io.rapport.gateway.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.ConfigProvider;

/** Takes stub services down and brings them back (through the stubs' control server). */
public final class Stubs {
    private Stubs() {}

    public static void down(String name) {
        call("/down/" + name);
    }

    public static void up(String name) {
        call("/up/" + name);
    }

    /** Lets the requests held by {@code name}'s {@code /hold} path finish. */
    public static void release(String name) {
        call("/release/" + name);
    }

    /** Requests {@code name} holds open now. */
    public static int held(String name) {
        String base = ConfigProvider.getConfig().getValue("test.stub.control-url", String.class);
        try {
            return Integer.parseInt(HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/held/" + name))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void call(String path) {
        String base = ConfigProvider.getConfig().getValue("test.stub.control-url", String.class);
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + path))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("stub control answered " + response.statusCode() + " to " + path);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
