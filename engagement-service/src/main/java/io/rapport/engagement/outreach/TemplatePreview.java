package io.rapport.engagement.outreach;

import io.rapport.engagement.domain.CustomerProfile;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Renders a template for one customer with the variables a real message would get, sending nothing. */
@ApplicationScoped
public class TemplatePreview {
    @Schema(examples = """
            {"templateId":"00000000-0000-4000-8000-000000000702","customerId":"3f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f40","language":"en","subject":"Dear Ada Lovelace, how is your purchase?","body":"Dear Ada Lovelace,\\n\\ndoes it meet your expectations?","recipientKnown":true}""")
    public record PreviewView(
            UUID templateId,
            UUID customerId,
            String language,
            String subject,
            String body,

            @Schema(description = "false: customer-service did not answer, so the documented defaults were used")
            boolean recipientKnown) {}

    private final TemplateService templates;
    private final RecipientDirectory directory;
    private final LoyaltyStanding loyalty;
    private final MessageDelivery delivery;

    public TemplatePreview(
            TemplateService templates,
            RecipientDirectory directory,
            LoyaltyStanding loyalty,
            MessageDelivery delivery) {
        this.templates = templates;
        this.directory = directory;
        this.loyalty = loyalty;
        this.delivery = delivery;
    }

    public PreviewView render(MessageTemplate t, UUID customerId) {
        CustomerProfile p = CustomerProfile.findById(customerId);
        if (p == null || p.erased) {
            throw ProblemException.notFound("customer", customerId);
        }
        RecipientDirectory.Lookup lookup = directory.find(customerId);
        if (lookup instanceof RecipientDirectory.Gone) {
            throw ProblemException.notFound("customer", customerId);
        }
        boolean known = lookup instanceof RecipientDirectory.Found;
        Recipient r = known
                ? ((RecipientDirectory.Found) lookup).recipient()
                : new Recipient(null, null, null, null, null, t.language, java.util.List.of());
        Map<String, Object> data = MessageData.of(
                r,
                loyalty.of(customerId),
                directory.recommendations(customerId),
                delivery.unsubscribeUrl(customerId, t.channel, new UUID(0, 0)));
        TemplateService.Rendered out = templates.render(t, data);
        return new PreviewView(t.id, customerId, t.language, out.subject(), out.body(), known);
    }
}
