package dev.onlineddl.app.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves the host of {@code --http}; a seam so that tests need no DNS. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getByName;

    InetAddress resolve(String host) throws UnknownHostException;
}
