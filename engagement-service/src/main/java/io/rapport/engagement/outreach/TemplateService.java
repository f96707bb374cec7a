package io.rapport.engagement.outreach;

import io.quarkus.panache.common.Sort;
import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Purpose;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Message templates: CRUD with Qute syntax checked on save, the lookup a message uses (channel + purpose + language,
 * then channel + language for every purpose, then the same in English), and rendering.
 */
@ApplicationScoped
public class TemplateService {
    /** Language codes accepted for templates: ISO 639-1, optionally with a region (en, de, fr, en-GB). */
    static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}(-[A-Z]{2})?$");

    /** A rendered message. */
    public record Rendered(String subject, String body) {}

    private final Engine engine = Engine.builder()
            .addDefaults()
            .addValueResolver(new ReflectionValueResolver())
            .build();
    private final Clock clock;

    public TemplateService(Clock clock) {
        this.clock = clock;
    }

    public Page<MessageTemplate> list(Channel channel, PageRequest page) {
        page.validate(Set.of("channel"), "channel");
        var q = channel == null
                ? MessageTemplate.<MessageTemplate>findAll(
                        Sort.by("channel").and("purpose").and("language").and("id"))
                : MessageTemplate.<MessageTemplate>find(
                        "channel", Sort.by("purpose").and("language").and("id"), channel);
        long total = q.count();
        return Page.of(q.page(page.page, page.size).list(), page, total);
    }

    public MessageTemplate get(UUID id) {
        MessageTemplate t = MessageTemplate.findById(id);
        if (t == null) {
            throw ProblemException.notFound("message template", id);
        }
        return t;
    }

    @Transactional
    public MessageTemplate create(
            Channel channel, Purpose purpose, String language, String subject, String body, String actor) {
        check(channel, language, subject, body);
        if (find(channel, purpose, language).isPresent()) {
            throw ProblemException.conflict(
                    "template-exists",
                    "a template for " + channel + "/" + (purpose == null ? "*" : purpose) + "/" + language
                            + " exists already; change it instead",
                    Map.of());
        }
        MessageTemplate t = new MessageTemplate();
        t.id = UUID.randomUUID();
        t.channel = channel;
        t.purpose = purpose;
        t.language = language;
        t.subject = subject;
        t.body = body;
        t.createdBy = actor;
        t.createdAt = clock.instant();
        t.updatedAt = t.createdAt;
        t.persist();
        return t;
    }

    @Transactional
    public MessageTemplate update(UUID id, long expectedVersion, String subject, String body) {
        MessageTemplate t = get(id);
        if (t.version != expectedVersion) {
            throw ProblemException.preconditionFailed("the template changed meanwhile (version " + t.version + ")");
        }
        check(t.channel, t.language, subject, body);
        t.subject = subject;
        t.body = body;
        t.updatedAt = clock.instant();
        return t;
    }

    @Transactional
    public void delete(UUID id) {
        MessageTemplate t = get(id);
        if (t.purpose == null && "en".equals(t.language)) {
            throw ProblemException.conflict(
                    "template-required",
                    "the English template for every purpose of " + t.channel
                            + " is the last fallback of that channel and cannot be deleted; change it instead",
                    Map.of());
        }
        t.delete();
    }

    /** The template a message of this channel, purpose and language uses. */
    public Optional<MessageTemplate> lookup(Channel channel, Purpose purpose, String language) {
        return find(channel, purpose, language)
                .or(() -> find(channel, null, language))
                .or(() -> find(channel, purpose, "en"))
                .or(() -> find(channel, null, "en"));
    }

    public Rendered render(MessageTemplate t, Map<String, Object> data) {
        String subject = t.subject == null
                ? null
                : engine.parse(t.subject).data(data).render().strip();
        return new Rendered(subject, engine.parse(t.body).data(data).render());
    }

    private static Optional<MessageTemplate> find(Channel channel, Purpose purpose, String language) {
        return purpose == null
                ? MessageTemplate.find("channel = ?1 and purpose is null and language = ?2", channel, language)
                        .firstResultOptional()
                : MessageTemplate.find("channel = ?1 and purpose = ?2 and language = ?3", channel, purpose, language)
                        .firstResultOptional();
    }

    private void check(Channel channel, String language, String subject, String body) {
        if (channel != Channel.EMAIL && channel != Channel.SMS) {
            throw ProblemException.unprocessable(
                    "channel-not-automated", "channel", "templates exist for EMAIL and SMS only");
        }
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw ProblemException.unprocessable(
                    "invalid-language", "language", "must be an ISO 639-1 code such as en or en-GB");
        }
        if (channel == Channel.EMAIL && (subject == null || subject.isBlank())) {
            throw ProblemException.unprocessable("subject-required", "subject", "an e-mail template needs a subject");
        }
        parse("subject", subject);
        parse("body", body);
    }

    private void parse(String field, String text) {
        if (text == null) {
            return;
        }
        try {
            Template ignored = engine.parse(text);
        } catch (TemplateException e) {
            throw ProblemException.unprocessable(
                    "invalid-template",
                    field,
                    "is not a valid Qute template: " + e.getMessage().replaceAll("\\s+", " "));
        }
    }
}
