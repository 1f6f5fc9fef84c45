package eventshop.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The last contract version that carried a record component: later versions removed it, and their producers
 * never write it. The component stays in the record only so that a consumer can still read what an older
 * message in circulation holds (its upcaster keeps it); it must be {@link MayBeAbsent#onlyWhenUpcast()}. The AsyncAPI document
 * (topology/) describes it in the versions up to this one and forbids it in the later ones.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD})
public @interface Until {

    int value();
}
