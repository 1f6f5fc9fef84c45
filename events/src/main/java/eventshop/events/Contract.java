package eventshop.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The wire name and current version of an {@link Event} record. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Contract {

    /** The envelope's {@code type}, stable across renames of the Java record. */
    String type();

    /** The current version; consumers upcast older versions to it. */
    int version() default 1;
}
