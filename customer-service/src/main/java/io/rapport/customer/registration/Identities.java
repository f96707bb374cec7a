package io.rapport.customer.registration;

import java.util.ArrayList;
import java.util.List;

/** The unique identities of an applicant (e-mails, phones, external ids) in the order they are checked. */
final class Identities {
    static final String EMAIL = "EMAIL";
    static final String PHONE = "PHONE";
    static final String EXTERNAL = "X";

    private Identities() {}

    /** One identity: its key for lookups, the field naming it in the applicant and its description. */
    record Identity(String key, String field, String what) {}

    static String key(String kind, String first, String second) {
        return kind.equals(EXTERNAL) ? EXTERNAL + "\u0000" + first + "\u0000" + second : kind + "\u0000" + first;
    }

    static List<Identity> of(Applicant a) {
        List<Identity> out = new ArrayList<>();
        for (int i = 0; i < a.emails().size(); i++) {
            String v = a.emails().get(i).value();
            out.add(new Identity(key(EMAIL, v, null), "emails[" + i + "].value", "e-mail " + v));
        }
        for (int i = 0; i < a.phones().size(); i++) {
            String v = a.phones().get(i).value();
            out.add(new Identity(key(PHONE, v, null), "phones[" + i + "].value", "phone " + v));
        }
        for (int i = 0; i < a.externalIds().size(); i++) {
            Applicant.ExternalKey k = a.externalIds().get(i);
            out.add(new Identity(
                    key(EXTERNAL, k.system(), k.id()),
                    "externalIds[" + i + "]",
                    "external id " + k.system() + "/" + k.id()));
        }
        return out;
    }
}
