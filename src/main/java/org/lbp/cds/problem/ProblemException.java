package org.lbp.cds.problem;

/** A problem to answer as is: 400 for an invalid query, 404 for an unknown record. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(new Problem(Problem.NOT_FOUND, "Not Found", 404, what, null));
    }
}
