package eventshop.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that may be absent or null on the wire. {@link EventCodec#payload}
 * rejects a payload that lacks any other component, so that a broken producer is dead-lettered
 * instead of handing a consumer a half-filled record.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD})
public @interface MayBeAbsent {

    /**
     * Absent only from a message read from an older (or newer) version, whose upcaster cannot fill it in (a
     * version-2 OrderPlaced has a card number where version 3 has the gateway's token): the producers of the
     * versions that carry it always write it, so the AsyncAPI document (topology/) lists it as required there.
     */
    boolean onlyWhenUpcast() default false;
}
