package io.stompchat.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A test class that drives real Chromium browsers against the whole application on a
 * random port. Every browser test class carries exactly these settings, so they all share
 * one Spring context (and one in-memory database); a class starts its browsers once, in a
 * {@code @BeforeAll}. Skipped, with the command to fix it, where Chromium is missing;
 * failed instead under CI ({@link Required}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserTest.ChromiumInstalled.class)
public @interface BrowserTest {

	/**
	 * Skips the class before its Spring context starts when there is no Chromium; under
	 * CI runs it, so that {@link Browser#start} fails it.
	 */
	class ChromiumInstalled implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (Browser.available()) {
				return ConditionEvaluationResult.enabled("Chromium found");
			}
			return Required.CI ? ConditionEvaluationResult.enabled("CI: the test fails without Chromium")
					: ConditionEvaluationResult.disabled(Browser.MISSING);
		}

	}

}
