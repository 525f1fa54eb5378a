/**
 * Where spoke may send: the outbound address policy of every HTTP destination, alert and metrics push, against
 * server-side request forgery (a URL in spoke.yml, or a name it resolves to, pointing at a cloud metadata service).
 *
 * <p>{@link dev.spoke.network.AddressClassifier} sorts hosts and addresses into
 * {@link dev.spoke.network.AddressClass}es, purely (no DNS, no platform parser); {@link dev.spoke.network.AddressPolicy}
 * (spoke.yml's {@code network:} block) says which are refused; {@link dev.spoke.network.OutboundUrls} reads a URL to
 * send to (http/https, no credentials); {@link dev.spoke.network.OutboundGuard} enforces the policy at connect time
 * on an OkHttp client, as its {@code Dns} and as an interceptor, failing with a
 * {@link dev.spoke.network.RefusedAddressException}. {@code spoke validate} uses the same classes on the hosts as
 * written, so the pull-request gate refuses what a run would.
 *
 * <p>Knows OkHttp's URL and resolver types and nothing of spoke.yml, destinations or delivery.
 */
package dev.spoke.network;
