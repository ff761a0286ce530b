package dev.querybudget.autoconfigure;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.querybudget.Budget;
import dev.querybudget.EnforcementMode;
import dev.querybudget.QueryBudget;
import dev.querybudget.autoconfigure.QueryBudgetProperties.BudgetProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Resolves the budget of a scope: a {@link QueryBudget @QueryBudget} on the method (or
 * its class, also as a meta-annotation) wins over a {@code query-budget.endpoints[...]}
 * or {@code query-budget.jobs[...]} property, which wins over
 * {@code query-budget.default}. {@code query-budget.mode}, when set, is forced on every
 * budget. Property budgets are validated when the resolver is created, annotations on
 * first use (and at startup, for every bean).
 *
 * @author Query Budget contributors
 * @since 0.1.0
 */
public final class BudgetResolver {

	private static final String PREFIX = "query-budget.";

	private static final Map<String, String> PROPERTY_NAMES = Map.of("'maxStatements'", "'max'", "'maxSelects'",
			"'max-selects'", "'maxInserts'", "'max-inserts'", "'maxUpdates'", "'max-updates'", "'maxDeletes'",
			"'max-deletes'", "'maxDuplicates'", "'max-duplicates'", "'nPlusOneThreshold'", "'n-plus-one-threshold'",
			"'maxDbTime'", "'max-db-time'");

	private final AntPathMatcher matcher = new AntPathMatcher();

	private final @Nullable EnforcementMode forcedMode;

	private final ResolvedBudget defaultBudget;

	private final List<EndpointBudget> endpoints;

	private final Map<String, ResolvedBudget> jobs;

	private final ConcurrentMap<MethodKey, Optional<ResolvedBudget>> annotated = new ConcurrentHashMap<>();

	/**
	 * Creates a resolver from properties, validating every property budget.
	 * @param properties the properties
	 * @throws InvalidQueryBudgetException naming the property key when a budget is
	 * invalid
	 */
	public BudgetResolver(QueryBudgetProperties properties) {
		Assert.notNull(properties, "'properties' must not be null");
		this.forcedMode = properties.getMode();
		this.defaultBudget = fromProperties(PREFIX + "default", properties.getDefault(), BudgetSource.DEFAULT);
		List<EndpointBudget> endpoints = new ArrayList<>();
		properties.getEndpoints()
			.forEach((key, budget) -> endpoints.add(EndpointBudget.of(key,
					fromProperties(PREFIX + "endpoints[" + key + "]", budget, BudgetSource.PROPERTY))));
		this.endpoints = List.copyOf(endpoints);
		Map<String, ResolvedBudget> jobs = new LinkedHashMap<>();
		properties.getJobs()
			.forEach((key, budget) -> jobs.put(key,
					fromProperties(PREFIX + "jobs[" + key + "]", budget, BudgetSource.PROPERTY)));
		this.jobs = Collections.unmodifiableMap(jobs);
	}

	/**
	 * Returns the budget declared by {@link QueryBudget @QueryBudget} on a method or,
	 * failing that, on its class.
	 * @param method the method
	 * @param targetClass the class of the bean the method is called on
	 * @return the budget, or {@code null} when neither is annotated
	 * @throws InvalidQueryBudgetException naming {@code Class#method} when the annotation
	 * is invalid
	 */
	public @Nullable ResolvedBudget annotated(Method method, Class<?> targetClass) {
		Assert.notNull(method, "'method' must not be null");
		Assert.notNull(targetClass, "'targetClass' must not be null");
		return this.annotated.computeIfAbsent(new MethodKey(method, targetClass), this::findAnnotated).orElse(null);
	}

	/**
	 * Returns whether a method or its class carries {@link QueryBudget @QueryBudget}.
	 * @param method the method
	 * @param targetClass the class of the bean
	 * @return whether it is annotated
	 */
	public static boolean isAnnotated(Method method, Class<?> targetClass) {
		Method specific = ClassUtils.getMostSpecificMethod(method, targetClass);
		return MergedAnnotations.from(specific, SearchStrategy.TYPE_HIERARCHY).isPresent(QueryBudget.class)
				|| MergedAnnotations.from(targetClass, SearchStrategy.TYPE_HIERARCHY).isPresent(QueryBudget.class);
	}

	private Optional<ResolvedBudget> findAnnotated(MethodKey key) {
		Class<?> userClass = ClassUtils.getUserClass(key.targetClass());
		Method specific = ClassUtils.getMostSpecificMethod(key.method(), userClass);
		MergedAnnotation<QueryBudget> annotation = MergedAnnotations.from(specific, SearchStrategy.TYPE_HIERARCHY)
			.get(QueryBudget.class);
		String origin = userClass.getName() + "#" + specific.getName();
		if (!annotation.isPresent()) {
			annotation = MergedAnnotations.from(userClass, SearchStrategy.TYPE_HIERARCHY).get(QueryBudget.class);
			if (!annotation.isPresent()) {
				return Optional.empty();
			}
			origin = userClass.getName();
		}
		QueryBudget synthesized = annotation.synthesize();
		Budget budget;
		try {
			budget = Budget.from(synthesized);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidQueryBudgetException(origin, ex.getMessage(), ex);
		}
		return Optional.of(new ResolvedBudget(budget, mode(synthesized.mode()), BudgetSource.ANNOTATION, origin));
	}

	/**
	 * Returns the budget of a request from the {@code query-budget.endpoints} properties.
	 * @param httpMethod the request's HTTP method
	 * @param uriTemplate the handler's URI template, such as {@code /owners/{id}}, if
	 * known
	 * @param path the request path within the application
	 * @return the budget of the first matching entry, or {@code null}
	 */
	public @Nullable ResolvedBudget endpoint(String httpMethod, @Nullable String uriTemplate, String path) {
		for (EndpointBudget endpoint : this.endpoints) {
			if (endpoint.matchesMethod(httpMethod) && ((uriTemplate != null
					&& (endpoint.pattern().equals(uriTemplate) || this.matcher.match(endpoint.pattern(), uriTemplate)))
					|| this.matcher.match(endpoint.pattern(), path))) {
				return endpoint.budget();
			}
		}
		return null;
	}

	/**
	 * Returns whether an endpoint property key matches a handler mapping.
	 * @param key the key, for example {@code GET /admin/**}
	 * @param httpMethods the HTTP methods of the mapping, empty for all
	 * @param uriTemplate a URI template of the mapping
	 * @return whether requests of that mapping can use the budget of the key
	 */
	public boolean endpointKeyMatches(String key, Iterable<String> httpMethods, String uriTemplate) {
		EndpointBudget endpoint = EndpointBudget.of(key, this.defaultBudget);
		boolean anyMethod = true;
		boolean methodMatches = false;
		for (String httpMethod : httpMethods) {
			anyMethod = false;
			methodMatches |= endpoint.matchesMethod(httpMethod);
		}
		return (anyMethod || methodMatches)
				&& (endpoint.pattern().equals(uriTemplate) || this.matcher.match(endpoint.pattern(), uriTemplate));
	}

	/**
	 * Returns the keys of the {@code query-budget.endpoints} properties.
	 * @return the keys, in declaration order
	 */
	public List<String> endpointKeys() {
		List<String> keys = new ArrayList<>(this.endpoints.size());
		for (EndpointBudget endpoint : this.endpoints) {
			keys.add(endpoint.key());
		}
		return keys;
	}

	/**
	 * Returns the budget of a job from the {@code query-budget.jobs} properties.
	 * @param name the job's name, {@code ClassName#method}
	 * @return the budget, or {@code null}
	 */
	public @Nullable ResolvedBudget job(String name) {
		return this.jobs.get(name);
	}

	/**
	 * Returns the {@code query-budget.default} budget.
	 * @return the default budget
	 */
	public ResolvedBudget defaultBudget() {
		return this.defaultBudget;
	}

	/**
	 * Returns an unlimited budget in {@code record} mode, unless
	 * {@code query-budget.mode} forces another, for scopes that have no budget of their
	 * own.
	 * @param origin what the scope is, for example a job name
	 * @return the budget
	 */
	public ResolvedBudget unlimited(String origin) {
		return new ResolvedBudget(Budget.unlimited(), mode(EnforcementMode.RECORD), BudgetSource.DEFAULT, origin);
	}

	private EnforcementMode mode(EnforcementMode declared) {
		return (this.forcedMode != null) ? this.forcedMode : declared;
	}

	private ResolvedBudget fromProperties(String origin, BudgetProperties properties, BudgetSource source) {
		Budget budget;
		try {
			budget = Budget.builder()
				.maxStatements(limit(properties.getMax()))
				.critical(limit(properties.getCritical()))
				.maxSelects(limit(properties.getMaxSelects()))
				.maxInserts(limit(properties.getMaxInserts()))
				.maxUpdates(limit(properties.getMaxUpdates()))
				.maxDeletes(limit(properties.getMaxDeletes()))
				.maxDuplicates(limit(properties.getMaxDuplicates()))
				.nPlusOneThreshold(limit(properties.getNPlusOneThreshold()))
				.maxDbTime(properties.getMaxDbTime())
				.build();
		}
		catch (IllegalArgumentException ex) {
			String reason = String.valueOf(ex.getMessage());
			for (Map.Entry<String, String> name : PROPERTY_NAMES.entrySet()) {
				reason = reason.replace(name.getKey(), name.getValue());
			}
			throw new InvalidQueryBudgetException(origin, reason, ex);
		}
		EnforcementMode declared = properties.getMode();
		return new ResolvedBudget(budget, mode((declared != null) ? declared : EnforcementMode.LOG), source, origin);
	}

	private static int limit(@Nullable Integer value) {
		return (value != null) ? value : Budget.UNLIMITED;
	}

	private record MethodKey(Method method, Class<?> targetClass) {

	}

	private record EndpointBudget(String key, @Nullable String httpMethod, String pattern, ResolvedBudget budget) {

		static EndpointBudget of(String key, ResolvedBudget budget) {
			String trimmed = key.trim();
			int space = trimmed.indexOf(' ');
			if (space < 0) {
				return new EndpointBudget(key, null, trimmed, budget);
			}
			return new EndpointBudget(key, trimmed.substring(0, space).toUpperCase(Locale.ROOT),
					trimmed.substring(space + 1).trim(), budget);
		}

		boolean matchesMethod(String method) {
			return this.httpMethod == null || this.httpMethod.equals(method);
		}

	}

}
