/**
 * The hub's API contract ({@code api-client/openapi.json}) as a check of the answers its own Pax Exam tests see:
 * {@link org.unionhub.testkit.contract.AnswerCheck} is the checker the hub's build names for testkit's answer
 * recordings. Needs {@code com.atlassian.oai:swagger-request-validator-core} on the test class path (an optional
 * dependency of the kit: modules built outside the hub do not check against the hub's contract).
 */
package org.unionhub.testkit.contract;
