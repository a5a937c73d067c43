/**
 * A small built-in blocklist of the most common and breached passwords of 8 characters or more
 * (from public breach-frequency lists), compared after NFKC normalisation and lower-casing.
 * Deployments with a bigger corpus pass it to `checkPassword` as `blocklist`.
 */
export const commonPasswords: ReadonlySet<string> = new Set([
  'password', 'password1', 'password12', 'password123', 'password1234', 'password!', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'pa$$word',
  '12345678', '123456789', '1234567890', '12345678910', '123123123', '11111111', '111111111', '00000000', '87654321', '987654321',
  '123456789012', '1234567890123', '12345678901234', '123456789012345', '1234567891011', '1q2w3e4r', '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4', 'zaq12wsx',
  'qwertyui', 'qwertyuiop', 'qwerty123', 'qwerty1234', 'qwertyuiop123', 'asdfghjkl', 'asdfghjk', 'zxcvbnm1', 'zxcvbnm123', 'qazwsxedc',
  'iloveyou', 'iloveyou1', 'iloveyou2', 'sunshine', 'sunshine1', 'princess', 'princess1', 'football', 'football1', 'baseball',
  'welcome1', 'welcome123', 'trustno1', 'superman', 'batman123', 'letmein1', 'letmein123', 'abc12345', 'abcd1234', 'abcdefgh',
  'admin123', 'admin1234', 'administrator', 'changeme', 'changeme123', 'default1', 'computer', 'internet', 'whatever', 'starwars',
  'dragon123', 'master123', 'michael1', 'jennifer', 'jordan23', 'liverpool', 'chelsea1', 'arsenal1', 'mustang1', 'shadow123',
  'monkey123', 'charlie1', 'samsung1', 'michelle', 'corvette', 'mercedes', 'maverick', 'pokemon1', 'blink182', 'fuckyou1',
  'passwordpassword', 'passwordpassword1', 'correcthorsebatterystaple', 'thequickbrownfox', 'qwertyuiopasdfghjkl', 'qwertyuiopasdfghjklzxcvbnm', 'abcdefghijklmnop', 'abcdefghijklmnopqrstuvwxyz', 'letmeinletmein', 'iloveyouiloveyou',
  'administrator1', 'administrator123', 'welcomewelcome', 'changemechangeme', 'mypasswordismypassword', 'thisismypassword', 'ilovemyfamily', 'summer2024', 'winter2024', 'spring2025',
  'summer2025', 'autumn2025', 'winter2025', 'january2026', 'password2024', 'password2025', 'password2026', 'authloop', 'authloop123', 'authlooppassword',
]);
