package cl.seguimientooc.store;

import javax.sql.DataSource;
import org.springframework.core.SpringProperties;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** JDBC access shared by the stores: named parameters and one transaction template. */
public final class Db {

    static {
        // Binding NULLs with their declared type costs a round trip per statement on PostgreSQL; untyped is fine.
        SpringProperties.setFlag("spring.jdbc.getParameterType.ignore");
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public Db(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    public NamedParameterJdbcTemplate jdbc() {
        return jdbc;
    }

    public TransactionTemplate tx() {
        return tx;
    }
}
