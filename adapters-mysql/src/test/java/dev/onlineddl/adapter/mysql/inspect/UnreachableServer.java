package dev.onlineddl.adapter.mysql.inspect;

import com.mysql.cj.jdbc.MysqlDataSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import javax.sql.DataSource;

/** A data source pointing at a local port nothing listens on: every connection attempt is refused. */
final class UnreachableServer {

    private UnreachableServer() {
    }

    static DataSource dataSource() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        MysqlDataSource dataSource = new MysqlDataSource();
        dataSource.setURL("jdbc:mysql://127.0.0.1:" + port + "/nowhere?sslMode=DISABLED&connectTimeout=2000");
        dataSource.setUser("nobody");
        return dataSource;
    }
}
