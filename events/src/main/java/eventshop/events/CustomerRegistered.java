package eventshop.events;

/** A customer registered through the API. */
@Contract(type = "CustomerRegistered", version = 1)
public record CustomerRegistered(String customerId, String name, String email) implements Event {

    @Override
    public String correlationKey() {
        return customerId;
    }
}
