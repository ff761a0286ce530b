package dev.querybudget.autoconfigure.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.querybudget.Budget;
import dev.querybudget.EnforcementMode;
import dev.querybudget.QueryBudgetExceededException;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.autoconfigure.RequestOutcome;
import dev.querybudget.autoconfigure.RequestOutcomes;
import dev.querybudget.autoconfigure.ResolvedBudget;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.async.WebAsyncManager;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Opens the request scope before any other application filter runs and closes it once the
 * response is complete: after view rendering, and for asynchronous requests after the
 * last async dispatch. An asynchronous request that times out or fails is closed by the
 * dispatch Spring MVC makes to answer it, so that the outcome carries the status the
 * client gets, or without such a dispatch by an {@link AsyncListener} when the container
 * reports the timeout, the error or the completion; whichever comes first closes and
 * judges the scope, once. The scope is current on no pooled thread between dispatches: it
 * is opened detached and attached for the duration of each dispatch.
 * {@link QueryBudgetHandlerInterceptor} names it and gives it its budget once the handler
 * is known.
 *
 * @author Query Budget contributors
 */
final class QueryBudgetFilter implements Filter {

	private static final Log logger = LogFactory.getLog(QueryBudgetFilter.class);

	private final QueryBudgetTracker tracker;

	private final RequestOutcomes outcomes;

	QueryBudgetFilter(QueryBudgetTracker tracker, RequestOutcomes outcomes) {
		this.tracker = tracker;
		this.outcomes = outcomes;
	}

	/**
	 * Registered for the request and async dispatches only, the filter needs no guard
	 * against running twice in one dispatch: the request's {@link ScopedRequest} tells a
	 * later async dispatch from the first one.
	 */
	@Override
	@SuppressWarnings("try")
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws ServletException, IOException {
		if (!(servletRequest instanceof HttpServletRequest request)
				|| !(servletResponse instanceof HttpServletResponse response)) {
			chain.doFilter(servletRequest, servletResponse);
			return;
		}
		ScopedRequest scoped = (ScopedRequest) request.getAttribute(ScopedRequest.ATTRIBUTE);
		if (scoped == null) {
			// Counted, not judged, until the interceptor knows the handler and its budget
			scoped = new ScopedRequest(this.tracker.openDetached(ScopeKind.REQUEST, request.getMethod(),
					Budget.unlimited(), EnforcementMode.RECORD));
			request.setAttribute(ScopedRequest.ATTRIBUTE, scoped);
		}
		QueryScope scope = scoped.scope();
		Throwable failure = null;
		try (QueryScope.Attachment attachment = scope.attach()) {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			failure = ex;
			throw ex;
		}
		finally {
			AsyncCloser closer = scoped.closer();
			if (failure != null || !request.isAsyncStarted()) {
				if (closer == null || closer.claim()) {
					close(scoped, request, response, failure, (closer != null) ? closer.interruption() : "");
				}
			}
			else if (!scope.isClosed()) {
				if (closer == null) {
					closer = new AsyncCloser(scoped, request, this.outcomes);
					scoped.closer(closer);
				}
				// Every startAsync clears the listeners of the AsyncContext
				request.getAsyncContext().addListener(closer);
			}
		}
	}

	private void close(ScopedRequest scoped, HttpServletRequest request, HttpServletResponse response,
			@Nullable Throwable failure, String when) throws IOException {
		request.removeAttribute(ScopedRequest.ATTRIBUTE);
		QueryScope scope = scoped.scope();
		QueryBudgetExceededException closeFailure = null;
		try {
			this.outcomes.closing(outcome(scoped, request, response, failure), scope::close);
		}
		catch (QueryBudgetExceededException ex) {
			closeFailure = ex;
		}
		if (failure != null) {
			// The handler's exception stays the primary one (fail-fast rejections among
			// them)
			if (closeFailure != null) {
				failure.addSuppressed(closeFailure);
			}
			QueryBudgetExceededException exceeded = findExceeded(failure);
			if (exceeded != null) {
				writeProblemDetail(request, response, exceeded.report());
			}
			return;
		}
		if (closeFailure != null) {
			if (!when.isEmpty()) {
				// The timeout or error already answered is the request's failure, as a
				// handler's exception is
				logUnfailed(scope, when, closeFailure);
				return;
			}
			writeProblemDetail(request, response, closeFailure.report());
			throw closeFailure;
		}
		// An unlimited budget cannot be broken: skip the second report
		logBreach(scoped, when);
	}

	/**
	 * The status the client gets: a failure that reached this filter, or a breach that
	 * this filter turns into a problem detail, answers 500 unless the response is already
	 * committed.
	 */
	private static RequestOutcome outcome(ScopedRequest scoped, HttpServletRequest request,
			@Nullable ServletResponse servletResponse, @Nullable Throwable failure) {
		AppliedBudget applied = scoped.applied();
		if (!(servletResponse instanceof HttpServletResponse response)) {
			// An async context started without its response: the status is unknown
			return new RequestOutcome(request.getMethod(), template(request, applied), 0);
		}
		int status = response.getStatus();
		// An exception that reaches the container makes it answer 500, whatever status
		// the application set
		if (!response.isCommitted() && (failure != null || (applied != null
				&& applied.engineMode().compareTo(EnforcementMode.FAIL) >= 0 && scoped.scope().isBreached()))) {
			status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
		}
		return new RequestOutcome(request.getMethod(), template(request, applied), status);
	}

	private static @Nullable String template(HttpServletRequest request, @Nullable AppliedBudget applied) {
		if (applied != null) {
			return applied.template();
		}
		// A handler mapping without our interceptor, such as the actuator's
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return (pattern != null) ? pattern.toString() : null;
	}

	/**
	 * A breach in fail mode that cannot fail the response: the listeners have the report,
	 * the log says why the response did not fail.
	 */
	private static void logUnfailed(QueryScope scope, String when, QueryBudgetExceededException breach) {
		if (logger.isWarnEnabled()) {
			logger.warn("Request " + scope.name() + " broke its query budget" + when
					+ "; the response could not be failed\n" + breach.report().format());
		}
	}

	/**
	 * Judged from the counters: the report is built only for a breach to log.
	 */
	private static void logBreach(ScopedRequest scoped, String when) {
		AppliedBudget applied = scoped.applied();
		QueryScope scope = scoped.scope();
		if (applied == null) {
			return;
		}
		ResolvedBudget resolved = applied.resolved();
		if (resolved.mode() == EnforcementMode.LOG && !resolved.budget().isUnlimited() && scope.isBreached()
				&& logger.isWarnEnabled()) {
			logger.warn("Request " + scope.name() + " broke its query budget" + when + " (handler " + applied.handler()
					+ "; budget from " + resolved.source() + " " + resolved.origin() + ")\n" + scope.report().format());
		}
	}

	private static @Nullable QueryBudgetExceededException findExceeded(Throwable failure) {
		Throwable candidate = failure;
		for (int depth = 0; depth < 16 && candidate != null; depth++) {
			if (candidate instanceof QueryBudgetExceededException exceeded) {
				return exceeded;
			}
			candidate = candidate.getCause();
		}
		return null;
	}

	/**
	 * On a running server, the client gets a 500 problem detail when the response is not
	 * committed yet; the exception still propagates, so MockMvc tests see it.
	 */
	private static void writeProblemDetail(HttpServletRequest request, HttpServletResponse response, ScopeReport report)
			throws IOException {
		if (response.isCommitted()) {
			logger.debug("Response already committed: cannot send the query budget problem detail");
			return;
		}
		response.resetBuffer();
		response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		String detail = "Scope '" + report.name() + "' executed " + report.statementCount()
				+ " statements and broke its query budget: " + report.verdict();
		String body = "{\"type\":\"about:blank\",\"title\":\"Query budget exceeded\",\"status\":500,\"detail\":\""
				+ json(detail) + "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		// A known length completes the response even though the exception then propagates
		response.setContentLength(bytes.length);
		try {
			response.getOutputStream().write(bytes);
		}
		catch (IllegalStateException ex) {
			// The handler used the writer
			PrintWriter writer = response.getWriter();
			writer.write(body);
			writer.flush();
		}
		response.flushBuffer();
	}

	private static String json(String text) {
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * Closes the scope of an asynchronous request when the container reports its timeout,
	 * error or completion, unless the last dispatch closed it already. The scope stays in
	 * its request attribute, closed, so that a dispatch after a timeout (Spring MVC
	 * dispatches to render the timeout error) neither counts nor opens a second scope.
	 */
	static final class AsyncCloser implements AsyncListener {

		private final AtomicBoolean claimed = new AtomicBoolean();

		private final ScopedRequest scoped;

		private final HttpServletRequest request;

		private final RequestOutcomes outcomes;

		private volatile String interruption = "";

		AsyncCloser(ScopedRequest scoped, HttpServletRequest request, RequestOutcomes outcomes) {
			this.scoped = scoped;
			this.request = request;
			this.outcomes = outcomes;
		}

		boolean claim() {
			return this.claimed.compareAndSet(false, true);
		}

		@Override
		public void onComplete(AsyncEvent event) {
			closeAfter(event, this.interruption);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			closeAfterInterruption(event, " before its asynchronous processing timed out");
		}

		@Override
		public void onError(AsyncEvent event) {
			closeAfterInterruption(event, " before its asynchronous processing failed");
		}

		/**
		 * Returns why the asynchronous processing ended early, for the breach log of the
		 * dispatch that closes the scope.
		 */
		String interruption() {
			return this.interruption;
		}

		/**
		 * Spring MVC's own listener, registered before this one, has already handled the
		 * timeout or error and dispatched to answer it (a 503 unless the application
		 * chose otherwise): that dispatch closes the scope with the status the client
		 * gets, whereas the response at hand here still has the status of before. Without
		 * that dispatch, the scope closes now.
		 */
		private void closeAfterInterruption(AsyncEvent event, String when) {
			this.interruption = when;
			if (this.request.getAttribute(WebAsyncUtils.WEB_ASYNC_MANAGER_ATTRIBUTE) instanceof WebAsyncManager manager
					&& manager.hasConcurrentResult()) {
				return;
			}
			closeAfter(event, when);
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

		private void closeAfter(AsyncEvent event, String when) {
			if (!claim()) {
				return;
			}
			QueryScope scope = this.scoped.scope();
			try {
				this.outcomes.closing(
						outcome(this.scoped, this.request, event.getSuppliedResponse(), event.getThrowable()),
						scope::close);
			}
			catch (QueryBudgetExceededException ex) {
				// No dispatch is left to fail
				logUnfailed(scope, when, ex);
				return;
			}
			catch (RuntimeException ex) {
				logger.warn("Could not close the query budget scope of request " + scope.name(), ex);
				return;
			}
			logBreach(this.scoped, when);
		}

	}

}
