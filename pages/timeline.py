"""Timeline: placeholder until its issue lands."""
import streamlit as st

st.title("Timeline")
st.info("This page is being built.")
