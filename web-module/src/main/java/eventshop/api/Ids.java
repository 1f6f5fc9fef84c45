package eventshop.api;

/**
 * What an identifier the API hands out looks like, so that one that cannot exist is refused as malformed
 * (400) instead of being looked up, stored or sent on. Customers and orders are UUIDs in the lower-case form
 * the API returns; ids are compared as text, so an upper-case spelling would name nothing and is refused too.
 */
public final class Ids {

    /** A UUID in its canonical lower-case text form, as the API returns customer and order ids. */
    public static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    public static final String UUID_MESSAGE = "must be an id as the API returned it: a UUID such as "
            + "0f8fad5b-d9cb-469f-a165-70867728950e";

    private Ids() {
    }
}
