package dev.intake.search.model;

/** The contact fields merged into each index entry of the contact's documents. */
public record ContactFields(String name, String company) {

    public static final ContactFields NONE = new ContactFields(null, null);

    public static ContactFields of(IndexedContact contact) {
        return contact == null || contact.erased() ? NONE : new ContactFields(contact.name, contact.company);
    }
}
