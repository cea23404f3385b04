package dev.intake.notification.client;

import java.util.regex.Pattern;

/** The syntax SES accepts for an address, checked before a call that could only be rejected. */
public final class Addresses {

    // the WHATWG "valid e-mail address" grammar, which is also what browsers enforce in the contact form
    private static final Pattern VALID = Pattern.compile("^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9]"
            + "(?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");

    private Addresses() {
    }

    public static boolean isValid(String address) {
        return address != null && address.length() <= 254 && VALID.matcher(address).matches();
    }
}
