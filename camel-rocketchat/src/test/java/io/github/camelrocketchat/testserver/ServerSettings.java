package io.github.camelrocketchat.testserver;

/**
 * The Rocket.Chat settings the emulator honours, with Rocket.Chat's defaults. Set by the builder before
 * start; read on the server thread.
 */
final class ServerSettings {

    /** {@code Message_MaxAllowedSize}. */
    int maxMessageSize = 5000;
    /** "Show deleted status" ({@code Message_KeepHistory}-style "rm" messages instead of hard deletes). */
    boolean showDeletedStatus;
    /** {@code UI_Use_Real_Name}: typing must then carry the display name. */
    boolean useRealName;
    /** {@code Threads_enabled}. */
    boolean threadsEnabled = true;
    /** {@code Accounts_LoginExpiration} in days. */
    int loginExpirationDays = 90;
    /** {@code Block_Multiple_Failed_Logins_Attempts_Until_Block_by_User}. */
    int failedLoginsUntilBlock = 10;
    /** {@code Block_Multiple_Failed_Logins_Time_To_Unblock_By_User_In_Minutes}. */
    int blockMinutes = 5;
    /** {@code Message_AllowEditing}. */
    boolean allowEditing = true;
    /** {@code Message_AllowDeleting}. */
    boolean allowDeleting = true;

    long loginExpirationMillis() {
        return loginExpirationDays * 86_400_000L;
    }
}
