package io.rapport.devstack.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.devstack.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LocalMailServerTest {

    @Test
    void aMailSentOverSmtpIsCapturedWithItsHeadersAndKeptAcrossAStop() throws IOException {
        try (LocalMailServer server = LocalMailServer.start(FreePorts.next())) {
            smtp(
                    server.port(),
                    "ada@example.org",
                    "To: ada@example.org\r\nSubject: Hello Ada\r\nMessage-ID: <m1@test>\r\n"
                            + "List-Unsubscribe: <https://x.test/u/1>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n\r\nDear Ada");
            assertThat(server.messagesTo("ADA@example.org")).singleElement().satisfies(m -> {
                assertThat(m.subject()).isEqualTo("Hello Ada");
                assertThat(m.messageId()).isEqualTo("<m1@test>");
                assertThat(m.listUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");
                assertThat(m.text()).contains("Dear Ada");
            });

            server.stopSmtp();
            assertThatThrownBy(() -> smtp(server.port(), "ada@example.org", "Subject: lost\r\n\r\nx"))
                    .isInstanceOf(ConnectException.class);
            server.startSmtp();
            smtp(server.port(), "bob@example.org", "To: bob@example.org\r\nSubject: Hello Bob\r\n\r\nDear Bob");
            assertThat(server.messages()).extracting(CapturedMail::subject).containsExactly("Hello Ada", "Hello Bob");
            assertThat(MailboxPage.json(server.messages())).contains("\"subject\":\"Hello Bob\"");
        }
    }

    /** A minimal SMTP client: the server under test must speak real SMTP. */
    private static void smtp(int port, String to, String data) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            expect(in, "220");
            for (String cmd : new String[] {"HELO test", "MAIL FROM:<rapport@test>", "RCPT TO:<" + to + ">", "DATA"}) {
                out.print(cmd + "\r\n");
                out.flush();
                expect(in, cmd.equals("DATA") ? "354" : "250");
            }
            out.print(data + "\r\n.\r\n");
            out.flush();
            expect(in, "250");
            out.print("QUIT\r\n");
            out.flush();
        }
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
        assertThat(line).startsWith(code);
    }
}
