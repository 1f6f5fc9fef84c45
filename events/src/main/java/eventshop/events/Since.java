package eventshop.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The contract version that added a record component: older versions of the message do not carry it (their
 * upcaster fills it in). The AsyncAPI document (topology/) describes each version's payload from it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD})
public @interface Since {

    int value();
}
