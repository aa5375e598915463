package org.unionhub.testkit;

import org.junit.runner.Description;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunNotifier;
import org.junit.runners.model.InitializationError;
import org.ops4j.pax.exam.junit.PaxExam;

/**
 * Pax Exam's runner, and after the class one more test, {@code answersKeptTheContract}: the build's check of every
 * answer the class got ({@link Answers}). Pax Exam runs no class-level rules in the test driver (its probe runner's
 * class block is the children alone), and only the driver has the contract's validator: so the check is here.
 */
public class HubRunner extends PaxExam {

    private final Class<?> testClass;

    public HubRunner(Class<?> testClass) throws InitializationError {
        super(testClass);
        this.testClass = testClass;
    }

    @Override
    public void run(RunNotifier notifier) {
        super.run(notifier);
        if (System.getProperty(Answers.CHECKER) == null || System.getProperty(Answers.DIR) == null) {
            return;
        }
        Description check = Description.createTestDescription(testClass, "answersKeptTheContract");
        notifier.fireTestStarted(check);
        try {
            Answers.check(testClass);
        } catch (Throwable e) {
            notifier.fireTestFailure(new Failure(check, e));
        } finally {
            notifier.fireTestFinished(check);
        }
    }
}
