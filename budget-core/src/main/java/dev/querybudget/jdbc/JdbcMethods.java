package dev.querybudget.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * The {@link Method} objects that datasource-proxy hands to its listeners in
 * {@code ExecutionInfo.getMethod()} and {@code ParameterSetOperation.getMethod()}, looked
 * up once so that the wrappers never reflect on the hot path.
 */
final class JdbcMethods {

	static final Method EXECUTE = method(Statement.class, "execute", String.class);

	static final Method EXECUTE_AUTO_GENERATED_KEYS = method(Statement.class, "execute", String.class, int.class);

	static final Method EXECUTE_COLUMN_INDEXES = method(Statement.class, "execute", String.class, int[].class);

	static final Method EXECUTE_COLUMN_NAMES = method(Statement.class, "execute", String.class, String[].class);

	static final Method EXECUTE_QUERY = method(Statement.class, "executeQuery", String.class);

	static final Method EXECUTE_UPDATE = method(Statement.class, "executeUpdate", String.class);

	static final Method EXECUTE_UPDATE_AUTO_GENERATED_KEYS = method(Statement.class, "executeUpdate", String.class,
			int.class);

	static final Method EXECUTE_UPDATE_COLUMN_INDEXES = method(Statement.class, "executeUpdate", String.class,
			int[].class);

	static final Method EXECUTE_UPDATE_COLUMN_NAMES = method(Statement.class, "executeUpdate", String.class,
			String[].class);

	static final Method EXECUTE_LARGE_UPDATE = method(Statement.class, "executeLargeUpdate", String.class);

	static final Method EXECUTE_LARGE_UPDATE_AUTO_GENERATED_KEYS = method(Statement.class, "executeLargeUpdate",
			String.class, int.class);

	static final Method EXECUTE_LARGE_UPDATE_COLUMN_INDEXES = method(Statement.class, "executeLargeUpdate",
			String.class, int[].class);

	static final Method EXECUTE_LARGE_UPDATE_COLUMN_NAMES = method(Statement.class, "executeLargeUpdate", String.class,
			String[].class);

	static final Method EXECUTE_BATCH = method(Statement.class, "executeBatch");

	static final Method EXECUTE_LARGE_BATCH = method(Statement.class, "executeLargeBatch");

	static final Method PREPARED_EXECUTE = method(PreparedStatement.class, "execute");

	static final Method PREPARED_EXECUTE_QUERY = method(PreparedStatement.class, "executeQuery");

	static final Method PREPARED_EXECUTE_UPDATE = method(PreparedStatement.class, "executeUpdate");

	static final Method PREPARED_EXECUTE_LARGE_UPDATE = method(PreparedStatement.class, "executeLargeUpdate");

	static final Method SET_ARRAY = method(PreparedStatement.class, "setArray", int.class, Array.class);

	static final Method SET_ASCII_STREAM_INPUTSTREAM_INT = method(PreparedStatement.class, "setAsciiStream", int.class,
			InputStream.class, int.class);

	static final Method SET_ASCII_STREAM_INPUTSTREAM_LONG = method(PreparedStatement.class, "setAsciiStream", int.class,
			InputStream.class, long.class);

	static final Method SET_ASCII_STREAM_INPUTSTREAM = method(PreparedStatement.class, "setAsciiStream", int.class,
			InputStream.class);

	static final Method SET_BIG_DECIMAL = method(PreparedStatement.class, "setBigDecimal", int.class, BigDecimal.class);

	static final Method SET_BINARY_STREAM_INPUTSTREAM_INT = method(PreparedStatement.class, "setBinaryStream",
			int.class, InputStream.class, int.class);

	static final Method SET_BINARY_STREAM_INPUTSTREAM_LONG = method(PreparedStatement.class, "setBinaryStream",
			int.class, InputStream.class, long.class);

	static final Method SET_BINARY_STREAM_INPUTSTREAM = method(PreparedStatement.class, "setBinaryStream", int.class,
			InputStream.class);

	static final Method SET_BLOB_INPUTSTREAM_LONG = method(PreparedStatement.class, "setBlob", int.class,
			InputStream.class, long.class);

	static final Method SET_BLOB_INPUTSTREAM = method(PreparedStatement.class, "setBlob", int.class, InputStream.class);

	static final Method SET_BLOB = method(PreparedStatement.class, "setBlob", int.class, Blob.class);

	static final Method SET_BOOLEAN = method(PreparedStatement.class, "setBoolean", int.class, boolean.class);

	static final Method SET_BYTE = method(PreparedStatement.class, "setByte", int.class, byte.class);

	static final Method SET_BYTES = method(PreparedStatement.class, "setBytes", int.class, byte[].class);

	static final Method SET_CHARACTER_STREAM_READER_INT = method(PreparedStatement.class, "setCharacterStream",
			int.class, Reader.class, int.class);

	static final Method SET_CHARACTER_STREAM_READER_LONG = method(PreparedStatement.class, "setCharacterStream",
			int.class, Reader.class, long.class);

	static final Method SET_CHARACTER_STREAM_READER = method(PreparedStatement.class, "setCharacterStream", int.class,
			Reader.class);

	static final Method SET_CLOB_READER_LONG = method(PreparedStatement.class, "setClob", int.class, Reader.class,
			long.class);

	static final Method SET_CLOB_READER = method(PreparedStatement.class, "setClob", int.class, Reader.class);

	static final Method SET_CLOB = method(PreparedStatement.class, "setClob", int.class, Clob.class);

	static final Method SET_DATE_CALENDAR = method(PreparedStatement.class, "setDate", int.class, Date.class,
			Calendar.class);

	static final Method SET_DATE = method(PreparedStatement.class, "setDate", int.class, Date.class);

	static final Method SET_DOUBLE = method(PreparedStatement.class, "setDouble", int.class, double.class);

	static final Method SET_FLOAT = method(PreparedStatement.class, "setFloat", int.class, float.class);

	static final Method SET_INT = method(PreparedStatement.class, "setInt", int.class, int.class);

	static final Method SET_LONG = method(PreparedStatement.class, "setLong", int.class, long.class);

	static final Method SET_NCHARACTER_STREAM_READER_LONG = method(PreparedStatement.class, "setNCharacterStream",
			int.class, Reader.class, long.class);

	static final Method SET_NCHARACTER_STREAM_READER = method(PreparedStatement.class, "setNCharacterStream", int.class,
			Reader.class);

	static final Method SET_NCLOB_READER_LONG = method(PreparedStatement.class, "setNClob", int.class, Reader.class,
			long.class);

	static final Method SET_NCLOB_READER = method(PreparedStatement.class, "setNClob", int.class, Reader.class);

	static final Method SET_NCLOB = method(PreparedStatement.class, "setNClob", int.class, NClob.class);

	static final Method SET_NSTRING = method(PreparedStatement.class, "setNString", int.class, String.class);

	static final Method SET_NULL_INT_STRING = method(PreparedStatement.class, "setNull", int.class, int.class,
			String.class);

	static final Method SET_NULL_INT = method(PreparedStatement.class, "setNull", int.class, int.class);

	static final Method SET_OBJECT_OBJECT_INT_INT = method(PreparedStatement.class, "setObject", int.class,
			Object.class, int.class, int.class);

	static final Method SET_OBJECT_OBJECT_INT = method(PreparedStatement.class, "setObject", int.class, Object.class,
			int.class);

	static final Method SET_OBJECT_OBJECT_SQLTYPE_INT = method(PreparedStatement.class, "setObject", int.class,
			Object.class, SQLType.class, int.class);

	static final Method SET_OBJECT_OBJECT_SQLTYPE = method(PreparedStatement.class, "setObject", int.class,
			Object.class, SQLType.class);

	static final Method SET_OBJECT_OBJECT = method(PreparedStatement.class, "setObject", int.class, Object.class);

	static final Method SET_REF = method(PreparedStatement.class, "setRef", int.class, Ref.class);

	static final Method SET_ROW_ID = method(PreparedStatement.class, "setRowId", int.class, RowId.class);

	static final Method SET_SQLXML = method(PreparedStatement.class, "setSQLXML", int.class, SQLXML.class);

	static final Method SET_SHORT = method(PreparedStatement.class, "setShort", int.class, short.class);

	static final Method SET_STRING = method(PreparedStatement.class, "setString", int.class, String.class);

	static final Method SET_TIME_CALENDAR = method(PreparedStatement.class, "setTime", int.class, Time.class,
			Calendar.class);

	static final Method SET_TIME = method(PreparedStatement.class, "setTime", int.class, Time.class);

	static final Method SET_TIMESTAMP_CALENDAR = method(PreparedStatement.class, "setTimestamp", int.class,
			Timestamp.class, Calendar.class);

	static final Method SET_TIMESTAMP = method(PreparedStatement.class, "setTimestamp", int.class, Timestamp.class);

	static final Method SET_URL = method(PreparedStatement.class, "setURL", int.class, URL.class);

	static final Method SET_UNICODE_STREAM = method(PreparedStatement.class, "setUnicodeStream", int.class,
			InputStream.class, int.class);

	private JdbcMethods() {
	}

	private static Method method(Class<?> type, String name, Class<?>... parameterTypes) {
		try {
			return type.getMethod(name, parameterTypes);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("JDBC method " + type.getName() + "." + name + " not found", ex);
		}
	}

}
