export default defineBackground(() => {
  // Listeners are registered synchronously here as the parts they serve arrive (sync, messages).
});
