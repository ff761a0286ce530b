package dev.querybudget.hibernate;

import java.util.List;
import java.util.function.Consumer;

import dev.querybudget.FingerprintCount;
import dev.querybudget.OriginCount;
import dev.querybudget.ScopeReport;
import dev.querybudget.StatementOrigin;
import dev.querybudget.hibernate.petclinic.Clinic;
import dev.querybudget.hibernate.petclinic.Owner;
import dev.querybudget.hibernate.petclinic.Room;
import dev.querybudget.hibernate.petclinic.Tag;
import dev.querybudget.hibernate.petclinic.Vet;
import jakarta.persistence.LockModeType;
import org.hibernate.LockMode;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writes of a flush that Hibernate announces with no entity pre-event (collection
 * rows: many-to-many join rows, element collection rows, a collection recreated or
 * removed; orphan removal) and forced version increments, which run outside a flush, over
 * real PostgreSQL: each names the entity or collection role it writes, never the write
 * before it.
 */
class FlushAttributionIT {

	private static Petclinic petclinic;

	@BeforeAll
	static void startPetclinic() {
		petclinic = new Petclinic();
	}

	@AfterAll
	static void stopPetclinic() {
		petclinic.close();
	}

	@Test
	void manyToManyJoinRowsNameTheCollectionWhenRecreatedUpdatedAndRemoved() {
		ScopeReport recreated = run((session) -> {
			for (long id = 100; id < 103; id++) {
				Vet vet = new Vet(id);
				vet.getSpecialties().add(session.getReference(Tag.class, 1L));
				vet.getSpecialties().add(session.getReference(Tag.class, 2L));
				session.persist(vet);
			}
		});
		assertThat(origins(recreated, "insert into qb_diagnosis.vet_tag"))
			.containsExactly(new OriginCount(StatementOrigin.flush("Vet.specialties"), 6, 6));
		assertThat(origins(recreated, "insert into qb_diagnosis.vet("))
			.containsExactly(new OriginCount(StatementOrigin.flush("Vet"), 3, 3));
		ScopeReport updated = run((session) -> {
			for (long id = 100; id < 103; id++) {
				session.find(Vet.class, id).getSpecialties().add(session.getReference(Tag.class, 3L));
			}
		});
		assertThat(origins(updated, "insert into qb_diagnosis.vet_tag"))
			.containsExactly(new OriginCount(StatementOrigin.flush("Vet.specialties"), 3, 3));
		ScopeReport removed = run((session) -> {
			for (long id = 100; id < 103; id++) {
				session.remove(session.find(Vet.class, id));
			}
		});
		assertThat(origins(removed, "delete from qb_diagnosis.vet_tag"))
			.containsExactly(new OriginCount(StatementOrigin.flush("Vet.specialties"), 3, 3));
		assertThat(origins(removed, "delete from qb_diagnosis.vet "))
			.containsExactly(new OriginCount(StatementOrigin.flush("Vet"), 3, 3));
	}

	@Test
	void elementCollectionRowsNameTheCollection() {
		ScopeReport added = run((session) -> {
			for (long id = 1; id <= 3; id++) {
				session.find(Owner.class, id).getPhones().add("phone-secret-new");
			}
		});
		assertThat(origins(added, "insert into qb_diagnosis.owner_phones"))
			.containsExactly(new OriginCount(StatementOrigin.flush("Owner.phones"), 3, 3));
		ScopeReport removed = run((session) -> {
			for (long id = 1; id <= 3; id++) {
				session.find(Owner.class, id).getPhones().remove("phone-secret-new");
			}
		});
		assertThat(origins(removed, "delete from qb_diagnosis.owner_phones"))
			.containsExactly(new OriginCount(StatementOrigin.flush("Owner.phones"), 3, 3));
		assertThat(removed.format()).doesNotContain("secret");
	}

	@Test
	void orphanRemovalNamesTheRemovedEntity() {
		run((session) -> {
			for (long id = 200; id < 203; id++) {
				Clinic clinic = new Clinic(id, "clinic-" + id);
				session.persist(clinic);
				session.persist(new Room(id * 10, clinic));
			}
		});
		ScopeReport report = run((session) -> {
			for (long id = 200; id < 203; id++) {
				session.find(Clinic.class, id).getRooms().clear();
			}
		});
		assertThat(origins(report, "delete from qb_diagnosis.room"))
			.containsExactly(new OriginCount(StatementOrigin.flush("Room"), 3, 3));
	}

	@Test
	void forcedVersionIncrementsNameTheVersionAttribute() {
		ScopeReport found = run((session) -> {
			for (long id = 1; id <= 3; id++) {
				session.find(Clinic.class, id, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
			}
		});
		assertThat(origins(found, "update qb_diagnosis.clinic set version"))
			.containsExactly(new OriginCount(StatementOrigin.flush("Clinic.version"), 3, 3));
		assertThat(found.nPlusOneSuspects())
			.anySatisfy((suspect) -> assertThat(suspect.nPlusOneOrigin()).hasToString("FLUSH Clinic.version"));
		ScopeReport locked = run((session) -> {
			List<Clinic> clinics = session.createSelectionQuery("from Clinic where id <= 3", Clinic.class)
				.getResultList();
			for (Clinic clinic : clinics) {
				session.lock(clinic, LockMode.PESSIMISTIC_FORCE_INCREMENT);
			}
		});
		assertThat(origins(locked, "update qb_diagnosis.clinic set version"))
			.containsExactly(new OriginCount(StatementOrigin.flush("Clinic.version"), 3, 3));
	}

	/**
	 * The origins of the one shape whose SQL starts with a prefix.
	 */
	private static List<OriginCount> origins(ScopeReport report, String sql) {
		List<FingerprintCount> shapes = report.fingerprints()
			.stream()
			.filter((count) -> count.fingerprint().normalizedSql().startsWith(sql))
			.toList();
		assertThat(shapes).as("shapes starting with '%s' in%n%s", sql, report.format()).hasSize(1);
		return shapes.get(0).origins();
	}

	private static ScopeReport run(Consumer<Session> work) {
		return petclinic.report(work);
	}

}
