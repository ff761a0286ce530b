package dev.querybudget.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Objects;

import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PreparedStatement}: each execution reports the prepared SQL with the
 * parameters bound since the last {@code clearParameters()} or {@code addBatch()}, and a
 * batch reports the prepared SQL once with one parameter set per {@code addBatch()}.
 * <p>
 * A statement {@link #counter() counted directly} keeps no parameter value and no
 * datasource-proxy {@code ParameterSetOperation}: each setter adds its arguments' hash to
 * {@link ParameterHashes}, the hash {@link Parameters} would give the recorded operation.
 */
final class WrappedPreparedStatement extends WrappedStatementSupport<PreparedStatement> implements PreparedStatement {

	private final String sql;

	// a statement counted directly keeps its parameters as hashes; otherwise, it records
	// the operations datasource-proxy's listeners read
	private final @Nullable ParameterHashes hashes;

	private final @Nullable BoundParameters operations;

	private @Nullable List<List<ParameterSetOperation>> batch;

	WrappedPreparedStatement(PreparedStatement target, String sql, ConnectionInfo connectionInfo,
			Connection proxyConnection, ProxyConfig proxyConfig) {
		super(target, connectionInfo, proxyConnection, proxyConfig);
		this.sql = sql;
		boolean counted = counter() != null;
		this.hashes = counted ? new ParameterHashes() : null;
		this.operations = counted ? null : new BoundParameters();
	}

	@Override
	List<QueryInfo> queries(String sql) {
		// Like datasource-proxy, the Statement methods that take SQL report the prepared
		// SQL
		QueryInfo query = new QueryInfo(this.sql);
		query.getParametersList().add((this.operations != null) ? this.operations.snapshot() : List.of());
		return single(query);
	}

	@Override
	String executedSql(String sql) {
		return this.sql;
	}

	@Override
	long parameterHash() {
		return (this.hashes != null) ? this.hashes.hash() : 0;
	}

	@Override
	int batchSize() {
		return (this.batch != null) ? this.batch.size() : 0;
	}

	@Override
	List<QueryInfo> drainBatch() {
		QueryInfo query = new QueryInfo(this.sql);
		if (this.batch != null) {
			query.setParametersList(this.batch);
			this.batch = null;
		}
		return single(query);
	}

	@Override
	<T> T executeBatch(Method method, JdbcCall<T> call) throws SQLException {
		QueryBudgetExecutionListener counter = counter();
		ParameterHashes hashes = this.hashes;
		if (counter == null || hashes == null) {
			return super.executeBatch(method, call);
		}
		long hash = hashes.batchHash();
		// an empty batch counts once, as datasource-proxy reports it
		int size = Math.max(hashes.batchSize(), 1);
		hashes.clearBatch();
		return counter.count(this.target, this.sql, hash, size, call);
	}

	@Override
	void batchAdded(String sql) {
		addParameterSet();
	}

	@Override
	void batchCleared() {
		if (this.hashes != null) {
			this.hashes.clearBatch();
		}
		this.batch = null;
	}

	private void addParameterSet() {
		if (this.hashes != null) {
			this.hashes.addBatch();
			return;
		}
		if (this.batch == null) {
			this.batch = new ArrayList<>();
		}
		if (this.operations != null) {
			this.batch.add(this.operations.snapshot());
			this.operations.clear();
		}
	}

	/**
	 * Binds a parameter from the arguments of its setter, the index first: as its hash on
	 * a statement counted directly, as the operation datasource-proxy records otherwise.
	 * The setters most used pass a statement counted directly their values' hashes
	 * themselves, without this array or boxed values.
	 */
	private void bind(Method setter, Object... args) {
		int index = (Integer) args[0];
		if (this.hashes != null) {
			this.hashes.bind(index, mixedHash(setter, args));
		}
		else if (this.operations != null) {
			this.operations.bind(index, new ParameterSetOperation(setter, args));
		}
	}

	/**
	 * Returns the hash of a bound value, for a statement counted directly. A value whose
	 * {@code hashCode()} throws is an internal error of the scopes current on this
	 * thread, which log it once and stop counting, never the application's: the binding
	 * goes on.
	 */
	private int valueHash(@Nullable Object value) {
		try {
			return Parameters.valueHash(value);
		}
		catch (RuntimeException ex) {
			hashFailed(ex);
			return 0;
		}
	}

	private long mixedHash(Method setter, Object[] args) {
		try {
			return Parameters.mixedHash(setter, args);
		}
		catch (RuntimeException ex) {
			hashFailed(ex);
			return 0;
		}
	}

	private void hashFailed(RuntimeException failure) {
		QueryBudgetExecutionListener counter = counter();
		if (counter != null) {
			counter.fail(failure);
		}
	}

	@Override
	public ResultSet executeQuery() throws SQLException {
		return executeSingle(JdbcMethods.PREPARED_EXECUTE_QUERY, this.sql, null, this.target::executeQuery);
	}

	@Override
	public int executeUpdate() throws SQLException {
		return executeSingle(JdbcMethods.PREPARED_EXECUTE_UPDATE, this.sql, null, this.target::executeUpdate);
	}

	@Override
	public long executeLargeUpdate() throws SQLException {
		return executeSingle(JdbcMethods.PREPARED_EXECUTE_LARGE_UPDATE, this.sql, null,
				this.target::executeLargeUpdate);
	}

	@Override
	public boolean execute() throws SQLException {
		return executeSingle(JdbcMethods.PREPARED_EXECUTE, this.sql, null, this.target::execute);
	}

	@Override
	public void addBatch() throws SQLException {
		this.target.addBatch();
		addParameterSet();
	}

	@Override
	public void clearParameters() throws SQLException {
		this.target.clearParameters();
		if (this.hashes != null) {
			this.hashes.clear();
		}
		if (this.operations != null) {
			this.operations.clear();
		}
	}

	@Override
	public ResultSetMetaData getMetaData() throws SQLException {
		return this.target.getMetaData();
	}

	@Override
	public ParameterMetaData getParameterMetaData() throws SQLException {
		return this.target.getParameterMetaData();
	}

	@Override
	public void setArray(int parameterIndex, Array x) throws SQLException {
		this.target.setArray(parameterIndex, x);
		bind(JdbcMethods.SET_ARRAY, parameterIndex, x);
	}

	@Override
	public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
		this.target.setAsciiStream(parameterIndex, x, length);
		bind(JdbcMethods.SET_ASCII_STREAM_INPUTSTREAM_INT, parameterIndex, x, length);
	}

	@Override
	public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
		this.target.setAsciiStream(parameterIndex, x, length);
		bind(JdbcMethods.SET_ASCII_STREAM_INPUTSTREAM_LONG, parameterIndex, x, length);
	}

	@Override
	public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
		this.target.setAsciiStream(parameterIndex, x);
		bind(JdbcMethods.SET_ASCII_STREAM_INPUTSTREAM, parameterIndex, x);
	}

	@Override
	public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
		this.target.setBigDecimal(parameterIndex, x);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex,
					Parameters.mixedHash(JdbcMethods.SET_BIG_DECIMAL, parameterIndex, valueHash(x)));
		}
		else {
			bind(JdbcMethods.SET_BIG_DECIMAL, parameterIndex, x);
		}
	}

	@Override
	public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
		this.target.setBinaryStream(parameterIndex, x, length);
		bind(JdbcMethods.SET_BINARY_STREAM_INPUTSTREAM_INT, parameterIndex, x, length);
	}

	@Override
	public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
		this.target.setBinaryStream(parameterIndex, x, length);
		bind(JdbcMethods.SET_BINARY_STREAM_INPUTSTREAM_LONG, parameterIndex, x, length);
	}

	@Override
	public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
		this.target.setBinaryStream(parameterIndex, x);
		bind(JdbcMethods.SET_BINARY_STREAM_INPUTSTREAM, parameterIndex, x);
	}

	@Override
	public void setBlob(int parameterIndex, InputStream x, long length) throws SQLException {
		this.target.setBlob(parameterIndex, x, length);
		bind(JdbcMethods.SET_BLOB_INPUTSTREAM_LONG, parameterIndex, x, length);
	}

	@Override
	public void setBlob(int parameterIndex, InputStream x) throws SQLException {
		this.target.setBlob(parameterIndex, x);
		bind(JdbcMethods.SET_BLOB_INPUTSTREAM, parameterIndex, x);
	}

	@Override
	public void setBlob(int parameterIndex, Blob x) throws SQLException {
		this.target.setBlob(parameterIndex, x);
		bind(JdbcMethods.SET_BLOB, parameterIndex, x);
	}

	@Override
	public void setBoolean(int parameterIndex, boolean x) throws SQLException {
		this.target.setBoolean(parameterIndex, x);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex,
					Parameters.mixedHash(JdbcMethods.SET_BOOLEAN, parameterIndex, Boolean.hashCode(x)));
		}
		else {
			bind(JdbcMethods.SET_BOOLEAN, parameterIndex, x);
		}
	}

	@Override
	public void setByte(int parameterIndex, byte x) throws SQLException {
		this.target.setByte(parameterIndex, x);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex,
					Parameters.mixedHash(JdbcMethods.SET_BYTE, parameterIndex, Byte.hashCode(x)));
		}
		else {
			bind(JdbcMethods.SET_BYTE, parameterIndex, x);
		}
	}

	@Override
	public void setBytes(int parameterIndex, byte[] x) throws SQLException {
		this.target.setBytes(parameterIndex, x);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex, Parameters.mixedHash(JdbcMethods.SET_BYTES, parameterIndex, valueHash(x)));
		}
		else {
			bind(JdbcMethods.SET_BYTES, parameterIndex, x);
		}
	}

	@Override
	public void setCharacterStream(int parameterIndex, Reader x, int length) throws SQLException {
		this.target.setCharacterStream(parameterIndex, x, length);
		bind(JdbcMethods.SET_CHARACTER_STREAM_READER_INT, parameterIndex, x, length);
	}

	@Override
	public void setCharacterStream(int parameterIndex, Reader x, long length) throws SQLException {
		this.target.setCharacterStream(parameterIndex, x, length);
		bind(JdbcMethods.SET_CHARACTER_STREAM_READER_LONG, parameterIndex, x, length);
	}

	@Override
	public void setCharacterStream(int parameterIndex, Reader x) throws SQLException {
		this.target.setCharacterStream(parameterIndex, x);
		bind(JdbcMethods.SET_CHARACTER_STREAM_READER, parameterIndex, x);
	}

	@Override
	public void setClob(int parameterIndex, Reader x, long length) throws SQLException {
		this.target.setClob(parameterIndex, x, length);
		bind(JdbcMethods.SET_CLOB_READER_LONG, parameterIndex, x, length);
	}

	@Override
	public void setClob(int parameterIndex, Reader x) throws SQLException {
		this.target.setClob(parameterIndex, x);
		bind(JdbcMethods.SET_CLOB_READER, parameterIndex, x);
	}

	@Override
	public void setClob(int parameterIndex, Clob x) throws SQLException {
		this.target.setClob(parameterIndex, x);
		bind(JdbcMethods.SET_CLOB, parameterIndex, x);
	}

	@Override
	public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
		this.target.setDate(parameterIndex, x, cal);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex,
					Parameters.mixedHash(JdbcMethods.SET_DATE_CALENDAR, parameterIndex, valueHash(x), valueHash(cal)));
		}
		else {
			bind(JdbcMethods.SET_DATE_CALENDAR, parameterIndex, x, cal);
		}
	}

	@Override
	public void setDate(int parameterIndex, Date x) throws SQLException {
		this.target.setDate(parameterIndex, x);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex, Parameters.mixedHash(JdbcMethods.SET_DATE, parameterIndex, valueHash(x)));
		}
		else {
			bind(JdbcMethods.SET_DATE, parameterIndex, x);
		}
	}

	@Override
	public void setDouble(int parameterIndex, double x) throws SQLException {
		this.target.setDouble(parameterIndex, x);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex,
					Parameters.mixedHash(JdbcMethods.SET_DOUBLE, parameterIndex, Double.hashCode(x)));
		}
		else {
			bind(JdbcMethods.SET_DOUBLE, parameterIndex, x);
		}
	}

	@Override
	public void setFloat(int parameterIndex, float x) throws SQLException {
		this.target.setFloat(parameterIndex, x);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex,
					Parameters.mixedHash(JdbcMethods.SET_FLOAT, parameterIndex, Float.hashCode(x)));
		}
		else {
			bind(JdbcMethods.SET_FLOAT, parameterIndex, x);
		}
	}

	@Override
	public void setInt(int parameterIndex, int x) throws SQLException {
		this.target.setInt(parameterIndex, x);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex,
					Parameters.mixedHash(JdbcMethods.SET_INT, parameterIndex, Integer.hashCode(x)));
		}
		else {
			bind(JdbcMethods.SET_INT, parameterIndex, x);
		}
	}

	@Override
	public void setLong(int parameterIndex, long x) throws SQLException {
		this.target.setLong(parameterIndex, x);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex,
					Parameters.mixedHash(JdbcMethods.SET_LONG, parameterIndex, Long.hashCode(x)));
		}
		else {
			bind(JdbcMethods.SET_LONG, parameterIndex, x);
		}
	}

	@Override
	public void setNCharacterStream(int parameterIndex, Reader x, long length) throws SQLException {
		this.target.setNCharacterStream(parameterIndex, x, length);
		bind(JdbcMethods.SET_NCHARACTER_STREAM_READER_LONG, parameterIndex, x, length);
	}

	@Override
	public void setNCharacterStream(int parameterIndex, Reader x) throws SQLException {
		this.target.setNCharacterStream(parameterIndex, x);
		bind(JdbcMethods.SET_NCHARACTER_STREAM_READER, parameterIndex, x);
	}

	@Override
	public void setNClob(int parameterIndex, Reader x, long length) throws SQLException {
		this.target.setNClob(parameterIndex, x, length);
		bind(JdbcMethods.SET_NCLOB_READER_LONG, parameterIndex, x, length);
	}

	@Override
	public void setNClob(int parameterIndex, Reader x) throws SQLException {
		this.target.setNClob(parameterIndex, x);
		bind(JdbcMethods.SET_NCLOB_READER, parameterIndex, x);
	}

	@Override
	public void setNClob(int parameterIndex, NClob x) throws SQLException {
		this.target.setNClob(parameterIndex, x);
		bind(JdbcMethods.SET_NCLOB, parameterIndex, x);
	}

	@Override
	public void setNString(int parameterIndex, String x) throws SQLException {
		this.target.setNString(parameterIndex, x);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex,
					Parameters.mixedHash(JdbcMethods.SET_NSTRING, parameterIndex, Objects.hashCode(x)));
		}
		else {
			bind(JdbcMethods.SET_NSTRING, parameterIndex, x);
		}
	}

	@Override
	public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
		this.target.setNull(parameterIndex, sqlType, typeName);
		bind(JdbcMethods.SET_NULL_INT_STRING, parameterIndex, sqlType, typeName);
	}

	@Override
	public void setNull(int parameterIndex, int sqlType) throws SQLException {
		this.target.setNull(parameterIndex, sqlType);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex,
					Parameters.mixedHash(JdbcMethods.SET_NULL_INT, parameterIndex, Integer.hashCode(sqlType)));
		}
		else {
			bind(JdbcMethods.SET_NULL_INT, parameterIndex, sqlType);
		}
	}

	@Override
	public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
		this.target.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
		bind(JdbcMethods.SET_OBJECT_OBJECT_INT_INT, parameterIndex, x, targetSqlType, scaleOrLength);
	}

	@Override
	public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
		this.target.setObject(parameterIndex, x, targetSqlType);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex, Parameters.mixedHash(JdbcMethods.SET_OBJECT_OBJECT_INT, parameterIndex,
					valueHash(x), Integer.hashCode(targetSqlType)));
		}
		else {
			bind(JdbcMethods.SET_OBJECT_OBJECT_INT, parameterIndex, x, targetSqlType);
		}
	}

	@Override
	public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
		this.target.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
		bind(JdbcMethods.SET_OBJECT_OBJECT_SQLTYPE_INT, parameterIndex, x, targetSqlType, scaleOrLength);
	}

	@Override
	public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
		this.target.setObject(parameterIndex, x, targetSqlType);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex, Parameters.mixedHash(JdbcMethods.SET_OBJECT_OBJECT_SQLTYPE, parameterIndex,
					valueHash(x), valueHash(targetSqlType)));
		}
		else {
			bind(JdbcMethods.SET_OBJECT_OBJECT_SQLTYPE, parameterIndex, x, targetSqlType);
		}
	}

	@Override
	public void setObject(int parameterIndex, Object x) throws SQLException {
		this.target.setObject(parameterIndex, x);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex,
					Parameters.mixedHash(JdbcMethods.SET_OBJECT_OBJECT, parameterIndex, valueHash(x)));
		}
		else {
			bind(JdbcMethods.SET_OBJECT_OBJECT, parameterIndex, x);
		}
	}

	@Override
	public void setRef(int parameterIndex, Ref x) throws SQLException {
		this.target.setRef(parameterIndex, x);
		bind(JdbcMethods.SET_REF, parameterIndex, x);
	}

	@Override
	public void setRowId(int parameterIndex, RowId x) throws SQLException {
		this.target.setRowId(parameterIndex, x);
		bind(JdbcMethods.SET_ROW_ID, parameterIndex, x);
	}

	@Override
	public void setSQLXML(int parameterIndex, SQLXML x) throws SQLException {
		this.target.setSQLXML(parameterIndex, x);
		bind(JdbcMethods.SET_SQLXML, parameterIndex, x);
	}

	@Override
	public void setShort(int parameterIndex, short x) throws SQLException {
		this.target.setShort(parameterIndex, x);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex,
					Parameters.mixedHash(JdbcMethods.SET_SHORT, parameterIndex, Short.hashCode(x)));
		}
		else {
			bind(JdbcMethods.SET_SHORT, parameterIndex, x);
		}
	}

	@Override
	public void setString(int parameterIndex, String x) throws SQLException {
		this.target.setString(parameterIndex, x);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex,
					Parameters.mixedHash(JdbcMethods.SET_STRING, parameterIndex, Objects.hashCode(x)));
		}
		else {
			bind(JdbcMethods.SET_STRING, parameterIndex, x);
		}
	}

	@Override
	public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
		this.target.setTime(parameterIndex, x, cal);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex,
					Parameters.mixedHash(JdbcMethods.SET_TIME_CALENDAR, parameterIndex, valueHash(x), valueHash(cal)));
		}
		else {
			bind(JdbcMethods.SET_TIME_CALENDAR, parameterIndex, x, cal);
		}
	}

	@Override
	public void setTime(int parameterIndex, Time x) throws SQLException {
		this.target.setTime(parameterIndex, x);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex, Parameters.mixedHash(JdbcMethods.SET_TIME, parameterIndex, valueHash(x)));
		}
		else {
			bind(JdbcMethods.SET_TIME, parameterIndex, x);
		}
	}

	@Override
	public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
		this.target.setTimestamp(parameterIndex, x, cal);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex, Parameters.mixedHash(JdbcMethods.SET_TIMESTAMP_CALENDAR, parameterIndex,
					valueHash(x), valueHash(cal)));
		}
		else {
			bind(JdbcMethods.SET_TIMESTAMP_CALENDAR, parameterIndex, x, cal);
		}
	}

	@Override
	public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
		this.target.setTimestamp(parameterIndex, x);
		if (this.hashes != null) {
			this.hashes.bind(parameterIndex,
					Parameters.mixedHash(JdbcMethods.SET_TIMESTAMP, parameterIndex, valueHash(x)));
		}
		else {
			bind(JdbcMethods.SET_TIMESTAMP, parameterIndex, x);
		}
	}

	@Override
	public void setURL(int parameterIndex, URL x) throws SQLException {
		this.target.setURL(parameterIndex, x);
		bind(JdbcMethods.SET_URL, parameterIndex, x);
	}

	@Override
	public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
		this.target.setUnicodeStream(parameterIndex, x, length);
		bind(JdbcMethods.SET_UNICODE_STREAM, parameterIndex, x, length);
	}

}
