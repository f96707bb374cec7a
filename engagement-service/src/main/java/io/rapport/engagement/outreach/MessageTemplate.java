package io.rapport.engagement.outreach;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Purpose;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A Qute template for one channel, language and (optionally) purpose; see TemplateService for the lookup order. */
@Entity
@Table(name = "message_template")
public class MessageTemplate extends PanacheEntityBase {
    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Channel channel;
    /** Null: for every purpose without a template of its own. */
    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    public String language;
    public String subject;
    public String body;

    @Version
    public long version;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A readable key: EMAIL/SATISFACTION_CHECK/en, EMAIL/* /en for the general one (without the space). */
    public String key() {
        return channel + "/" + (purpose == null ? "*" : purpose.name()) + "/" + language;
    }
}
