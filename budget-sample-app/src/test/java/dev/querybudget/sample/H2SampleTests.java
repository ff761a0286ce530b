package dev.querybudget.sample;

/**
 * The sample on its default embedded H2 database.
 */
class H2SampleTests extends AbstractSampleTests {

}
