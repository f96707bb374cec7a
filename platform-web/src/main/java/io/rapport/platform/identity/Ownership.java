package io.rapport.platform.identity;

import java.util.Optional;

/**
 * A service's answer to "who owns this object?" for {@link Allow#owner()} rules. Implemented once per service (a
 * CDI bean) for the kinds of objects its rules name.
 */
public interface Ownership {
    /** The object's owner: empty when the object does not exist; an Owner without subject when nobody owns it. */
    Optional<Owner> ownerOf(String object, String id);

    record Owner(String subject) {
        public static Owner nobody() {
            return new Owner(null);
        }

        public boolean is(String who) {
            return subject != null && subject.equals(who);
        }
    }
}
