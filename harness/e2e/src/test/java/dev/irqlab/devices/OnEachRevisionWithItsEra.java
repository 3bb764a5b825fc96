package dev.irqlab.devices;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs a test method {@code (String revision, String era)} on the real v6.16 and v6.17
 * revisions, each with the drivers of its own era.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0} with {1} drivers")
@CsvSource({"v6.16, v6.16", "v6.17, v6.17"})
public @interface OnEachRevisionWithItsEra {}
