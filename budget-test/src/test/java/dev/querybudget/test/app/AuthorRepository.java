package dev.querybudget.test.app;

import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AuthorRepository extends JpaRepository<Author, Long> {

	@Query("select a from Author a order by a.id")
	List<Author> findAllOrdered();

	@Query("select distinct a from Author a left join fetch a.books order by a.id")
	List<Author> findAllWithBooks();

	@EntityGraph(attributePaths = "books")
	@Query("select a from Author a order by a.id")
	List<Author> findAllWithBooksGraph();

}
