package dev.querybudget;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what a System.Logger logs through the JDK's default java.util.logging backend.
 */
final class LogCapture extends Handler implements AutoCloseable {

	private final Logger logger;

	private final List<LogRecord> records = new ArrayList<>();

	private final Level level;

	LogCapture(Class<?> source) {
		this.logger = Logger.getLogger(source.getName());
		this.level = this.logger.getLevel();
		this.logger.setLevel(Level.ALL);
		this.logger.addHandler(this);
		this.logger.setUseParentHandlers(false);
	}

	synchronized List<LogRecord> warnings() {
		List<LogRecord> warnings = new ArrayList<>();
		for (LogRecord record : this.records) {
			if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
				warnings.add(record);
			}
		}
		return warnings;
	}

	synchronized List<LogRecord> debugs() {
		List<LogRecord> debugs = new ArrayList<>();
		for (LogRecord record : this.records) {
			if (record.getLevel() == Level.FINE) {
				debugs.add(record);
			}
		}
		return debugs;
	}

	@Override
	public synchronized void publish(LogRecord record) {
		this.records.add(record);
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
		this.logger.removeHandler(this);
		this.logger.setUseParentHandlers(true);
		this.logger.setLevel(this.level);
	}

}
