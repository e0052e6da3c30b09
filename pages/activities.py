"""Activities: placeholder until its issue lands."""
import streamlit as st

st.title("Activities")
st.info("This page is being built.")
